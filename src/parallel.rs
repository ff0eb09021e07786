//! Work over a large registry spread across the machine's cores.

/// How many threads to spread work over: the cores this process may use.
pub fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// `work` applied to `items` cut into up to `threads` runs of neighbours, the
/// results in order. The first run is done on this thread, the others on
/// threads of their own, or here too when no thread can be started.
pub fn map_parts<T: Sync, R: Send>(items: &[T], threads: usize, work: impl Fn(&[T]) -> R + Sync) -> Vec<R> {
    let per_part = items.len().div_ceil(threads.max(1)).max(1);
    let work = &work;
    std::thread::scope(|scope| {
        let mut parts = items.chunks(per_part);
        let first = parts.next().unwrap_or_default();
        let spawned: Vec<_> = parts
            .map(|part| {
                let thread = std::thread::Builder::new().spawn_scoped(scope, move || work(part));
                (part, thread)
            })
            .collect();
        let mut results = vec![work(first)];
        for (part, thread) in spawned {
            results.push(match thread {
                Ok(handle) => handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                Err(_) => work(part),
            });
        }
        results
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_order_whatever_the_threads() {
        let items: Vec<u32> = (0..10).collect();
        for threads in [0, 1, 2, 3, 16] {
            let sums = map_parts(&items, threads, |part| part.to_vec());
            assert_eq!(sums.concat(), items, "{threads} threads");
        }
        assert_eq!(map_parts(&[] as &[u32], 4, <[u32]>::len), vec![0]);
    }
}
