//! Rebuild when a message catalogue or a migration changes: both are compiled into the binary.
fn main() {
    println!("cargo:rerun-if-changed=locales");
    println!("cargo:rerun-if-changed=migrations");
}
