package dev.warta.sink;

/**
 * Every {@link SinkTopologyTest} again with a band topic of three partitions: probes scattered per partition,
 * band answers gathered by id through the gather topic.
 */
class GatheredSinkTopologyTest extends SinkTopologyTest {
    @Override
    int dedupPartitions() {
        return 3;
    }
}
