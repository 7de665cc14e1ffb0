//! Allocator settings applied once at start-up, so the server's memory stays bounded.
//!
//! glibc's malloc raises its mmap threshold each time a large block is freed (up to 32 MiB),
//! after which blocks of that size come from the thread's arena instead of their own mapping,
//! and a freed arena block is seldom given back to the system. Each argon2 hash takes a
//! 19 MiB block, so after a burst of sign-ins every thread that had hashed kept its 19 MiB
//! (measured: 546 MiB resident at peak, see bench/results). A fixed threshold keeps large
//! blocks in their own mappings, returned to the system when freed; fewer arenas keep the
//! small blocks of many threads from spreading over many heaps.

/// Blocks of this size or more get their own mapping (glibc's starting value, kept fixed).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MMAP_THRESHOLD: libc::c_int = 128 * 1024;

/// Applies the settings; call before any thread is started.
#[allow(unsafe_code)]
pub fn configure_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        let arenas = std::thread::available_parallelism().map_or(2, |n| n.get());
        // SAFETY: mallopt only changes the allocator's tuning parameters; it is called
        // before the runtime starts any thread.
        unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
            libc::mallopt(libc::M_ARENA_MAX, arenas as libc::c_int);
        }
    }
}
