// libtorch's generator, seed and thread count are process-wide: tests that seed must not interleave.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
