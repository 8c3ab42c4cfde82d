//! The learning views: the input and its desugared form side by side, as
//! the command line's `diff` and `explain --html` and the playground show
//! them.

pub mod diff;
pub mod html;
