package dev.warta.sink.dedup;

/**
 * A band's answer for a probing article: the best earlier article it resembles ({@code viaId}, similarity estimate)
 * and that article's cluster root. "Best" = earliest root, then highest similarity.
 */
public record BandMatch(String rootId, long rootTs, String viaId, double similarity) {

    /** The better of two matches (either may be null): the earlier root wins, then the higher similarity. */
    public static BandMatch better(BandMatch a, BandMatch b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (a.rootTs != b.rootTs) {
            return a.rootTs < b.rootTs ? a : b;
        }
        int byId = a.rootId.compareTo(b.rootId);
        if (byId != 0) {
            return byId < 0 ? a : b;
        }
        return b.similarity > a.similarity ? b : a;
    }
}
