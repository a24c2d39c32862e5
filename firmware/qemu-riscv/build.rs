include!("../common/build_programs.rs");

fn main() {
    generate("riscv");
}
