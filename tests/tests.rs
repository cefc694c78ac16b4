//! Integration tests, compiled into one binary (faster to link on CI).

mod cli;
mod common;
mod dates;
mod names;
mod properties;
