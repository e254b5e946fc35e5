package org.psig.kafka.streams;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;
import org.springframework.util.unit.DataSize;

/**
 * One memory budget for every RocksDB store of the process, as the Kafka Streams memory guide
 * advises: block cache, index and filter blocks and memtables all charged to one LRU cache, so that
 * what a service holds off-heap is bounded by {@value #MEMORY} (a size such as {@code 16MB}), not by
 * its history. The store's files on disk grow with history; its memory does not.
 */
public class BoundedRocksDb implements RocksDBConfigSetter {

    /** The Streams property (spring.kafka.streams.properties) that sets the budget. */
    public static final String MEMORY = "psig.rocksdb.memory";
    private static final String DEFAULT_MEMORY = "16MB";
    /** Memtables may use at most this share of the budget; they count in the cache all the same. */
    private static final double WRITE_BUFFER_SHARE = 0.25;

    private static Cache cache;
    private static WriteBufferManager writeBuffers;
    private static long budget;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        long bytes = DataSize.parse(String.valueOf(configs.getOrDefault(MEMORY, DEFAULT_MEMORY))).toBytes();
        share(bytes);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(writeBuffers);
        options.setWriteBufferSize(Math.max(1 << 20, (long) (bytes * WRITE_BUFFER_SHARE) / 2));
        options.setMaxWriteBufferNumber(2);
    }

    private static synchronized void share(long bytes) {
        if (cache == null) {
            budget = bytes;
            // A tenth of the cache for index and filter blocks, so that data blocks never evict them all.
            cache = new LRUCache(bytes, -1, false, 0.1);
            writeBuffers = new WriteBufferManager((long) (bytes * WRITE_BUFFER_SHARE), cache);
        } else if (bytes != budget) {
            throw new IllegalStateException("One RocksDB budget per process: " + budget + " bytes already, not " + bytes);
        }
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write buffer manager are shared by every store of the process and live as long as it.
    }
}
