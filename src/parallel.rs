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

/// `work` applied to each of `items`, its results given to `consume` in
/// order as they come. This thread and one more take turns, so two cores
/// stay busy while only a few results are held at once; without a second
/// thread, this one does all of it. `consume` stops early by returning an error.
pub fn in_order<T: Sync, R: Send, E>(
    items: &[T],
    work: impl Fn(&T) -> R + Sync,
    mut consume: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E> {
    let work = &work;
    std::thread::scope(|scope| {
        // The other thread takes every second item; a bound of one lets it
        // run an item ahead of this thread.
        let (done, results) = std::sync::mpsc::sync_channel(1);
        let helper = move || {
            for item in items.iter().skip(1).step_by(2) {
                if done.send(work(item)).is_err() {
                    break;
                }
            }
        };
        let helped = threads() > 1
            && items.len() > 1
            && std::thread::Builder::new().spawn_scoped(scope, helper).is_ok();
        for (index, item) in items.iter().enumerate() {
            let result = match index % 2 == 1 && helped {
                true => match results.recv() {
                    Ok(result) => result,
                    // The other thread panicked; the scope passes the panic on.
                    Err(_) => work(item),
                },
                false => work(item),
            };
            consume(result)?;
        }
        Ok(())
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

    #[test]
    fn in_order_gives_every_result_in_order_and_stops_when_asked() {
        let items: Vec<u32> = (0..101).collect();
        let mut seen = Vec::new();
        let done: Result<(), ()> = in_order(
            &items,
            |n| n * 2,
            |n| {
                seen.push(n);
                Ok(())
            },
        );
        assert_eq!(done, Ok(()));
        assert_eq!(seen, items.iter().map(|n| n * 2).collect::<Vec<_>>());
        let mut count = 0;
        let stopped = in_order(
            &items,
            |n| *n,
            |n| {
                count += 1;
                if n == 40 { Err(n) } else { Ok(()) }
            },
        );
        assert_eq!((stopped, count), (Err(40), 41));
    }

    #[test]
    fn in_order_passes_on_a_panic_of_the_other_thread() {
        let items: Vec<u32> = (0..8).collect();
        let outcome = std::panic::catch_unwind(|| {
            let _ = in_order(
                &items,
                |n| {
                    assert_ne!(*n, 3, "work failed");
                    *n
                },
                |_| Ok::<(), ()>(()),
            );
        });
        assert!(outcome.is_err());
    }
}
