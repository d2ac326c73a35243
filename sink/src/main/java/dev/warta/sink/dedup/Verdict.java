package dev.warta.sink.dedup;

/** The near-duplicate verdict of an article: the root it duplicates and the similarity, or none (both null). */
public record Verdict(String duplicateOf, Double similarity) {
    public static final Verdict NONE = new Verdict(null, null);

    public boolean duplicate() {
        return duplicateOf != null;
    }

    /** The verdict a gathered best match gives. */
    public static Verdict of(BandMatch best) {
        return best == null ? NONE : new Verdict(best.rootId(), best.similarity());
    }
}
