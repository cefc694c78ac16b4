//! Integration tests, compiled into one binary (faster to link on CI).

mod cli;
mod dates;
mod names;
mod properties;
