package dev.warta.sink.dedup;

/**
 * An article remembered in a band bucket: its id, the root of its cluster as known when it was stored, when
 * each was first seen, and the low 16 bits of each MinHash value (enough to estimate similarity; empty in the
 * exact band).
 */
public record BandEntry(String id, String rootId, long rootTs, long ts, short[] signature) {}
