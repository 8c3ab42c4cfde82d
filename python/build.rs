// src/main.rs is this crate's root too; `unawait_extension` tells it to add
// the Python module (src/python.rs) and not to expect `main` to be called.
fn main() {
    println!("cargo::rustc-check-cfg=cfg(unawait_extension)");
    println!("cargo::rustc-cfg=unawait_extension");
}
