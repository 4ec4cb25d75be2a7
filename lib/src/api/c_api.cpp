// The C API (snaplint/snaplint.h); being written.
