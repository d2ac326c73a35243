package dev.warta.sink.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The band buckets of the one-partition dedup step, held in memory: an open-addressing table from the 64-bit hash
 * of a bucket key to a chain of the articles remembered in it (at most {@code capacity} per bucket, the first
 * ones to arrive). About 30 bytes per remembered bucket entry plus the 16-bit signature of each article (roughly
 * 0.9 KB per article with the default 20 bands): built from the {@link Seen} records when a task starts, so no
 * bucket ever reaches Kafka. Single-threaded, like the stream task that owns it.
 */
final class MemoryBandIndex {
    private static final short[] NONE = new short[0];
    private final double threshold;
    private final int capacity;
    private final List<Seen> articles = new ArrayList<>();
    private long[] keys = new long[1024];
    private int[] heads = new int[1024];
    private boolean[] used = new boolean[1024];
    private int buckets;
    private int[] linkArticle = new int[4096];
    private int[] linkNext = new int[4096];
    private int links;
    private long nextSeq;

    MemoryBandIndex(double threshold, int capacity) {
        this.threshold = threshold;
        this.capacity = capacity;
    }

    /** The probing article's buckets ({@code hashes}) give this best match and these buckets had room for it. */
    record Probed(BandMatch best, long[] roomIn) {}

    /** 64-bit hash of a bucket key (FNV-1a over the chars, then a finalising mix). */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
        h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    /** Re-inserts remembered articles, in their arrival order. */
    void rebuild(List<Seen> remembered) {
        List<Seen> sorted = new ArrayList<>(remembered);
        sorted.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        for (Seen s : sorted) {
            add(s);
        }
    }

    /** The sequence number the next remembered article gets. */
    long nextSeq() {
        return nextSeq;
    }

    int size() {
        return articles.size();
    }

    /**
     * Probes the buckets {@code targets} with an article's 16-bit signature: the best earlier match among them (the
     * earliest root, then the highest similarity; the exact band counts as similarity 1.0) and the buckets that
     * still have room for it.
     */
    Probed probe(String id, List<Probes.Target> targets, int[] signature) {
        BandMatch best = null;
        long[] room = new long[targets.size()];
        int rooms = 0;
        for (Probes.Target t : targets) {
            long h = hash(t.key());
            int count = 0;
            boolean self = false;
            int slot = find(h);
            for (int l = slot < 0 ? -1 : heads[slot]; l >= 0; l = linkNext[l]) {
                Seen e = articles.get(linkArticle[l]);
                count++;
                if (e.id().equals(id)) {
                    self = true;
                    continue;
                }
                double sim = t.exact() ? 1.0 : BandLogic.similarity(signature, e.signature());
                if (sim >= threshold) {
                    best = BandMatch.better(best, new BandMatch(e.rootId(), e.rootTs(), e.id(), sim));
                }
            }
            if (!self && count < capacity) {
                room[rooms++] = h;
            }
        }
        return new Probed(best, Arrays.copyOf(room, rooms));
    }

    /** Remembers an article in its buckets ({@link Seen#buckets()}), after those already there. */
    void add(Seen s) {
        int index = articles.size();
        articles.add(s.signature() == null ? withSignature(s) : s);
        nextSeq = Math.max(nextSeq, s.seq() + 1);
        for (long h : s.buckets()) {
            int slot = slotFor(h);
            if (links == linkArticle.length) {
                linkArticle = Arrays.copyOf(linkArticle, links * 2);
                linkNext = Arrays.copyOf(linkNext, links * 2);
            }
            linkArticle[links] = index;
            linkNext[links] = -1;
            if (heads[slot] < 0) {
                heads[slot] = links;
            } else {
                int l = heads[slot];
                while (linkNext[l] >= 0) {
                    l = linkNext[l];
                }
                linkNext[l] = links;
            }
            links++;
        }
    }

    private static Seen withSignature(Seen s) {
        return new Seen(s.id(), s.seq(), s.ts(), s.rootId(), s.rootTs(), NONE, s.buckets(), s.verdict());
    }

    private int find(long h) {
        int mask = keys.length - 1;
        for (int i = mix(h) & mask; used[i]; i = (i + 1) & mask) {
            if (keys[i] == h) {
                return i;
            }
        }
        return -1;
    }

    /** The slot of bucket {@code h}, created (with an empty chain) when new. */
    private int slotFor(long h) {
        if ((buckets + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = mix(h) & mask;
        while (used[i]) {
            if (keys[i] == h) {
                return i;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        keys[i] = h;
        heads[i] = -1;
        buckets++;
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldHeads = heads;
        boolean[] oldUsed = used;
        keys = new long[oldKeys.length * 2];
        heads = new int[oldKeys.length * 2];
        used = new boolean[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldUsed[j]) {
                int i = mix(oldKeys[j]) & mask;
                while (used[i]) {
                    i = (i + 1) & mask;
                }
                used[i] = true;
                keys[i] = oldKeys[j];
                heads[i] = oldHeads[j];
            }
        }
    }

    private static int mix(long h) {
        return (int) (h ^ (h >>> 32));
    }
}
