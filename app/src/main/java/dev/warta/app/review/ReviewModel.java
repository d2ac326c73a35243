package dev.warta.app.review;

import dev.warta.schemas.DeadLetter;
import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.Entity;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the review page shows, kept up to date by a {@link ReviewFeed}: a summary of every article in
 * {@code news.clean} and {@code news.filtered} (the full record is read back from Kafka when someone opens it), the
 * latest dead letters and the counts of the accounting. Thread-safe: the feed writes, HTTP threads read.
 */
public final class ReviewModel {
    /** Dead letters kept with their details; older ones are only counted. */
    static final int DEAD_LETTERS_KEPT = 5_000;

    private static final int TOP_ENTITIES = 3;

    /** Where a record lives. */
    public record Location(String topic, int partition, long offset) {}

    /** An entity of an article with how often it is mentioned. */
    public record EntityCount(String canonical, String type, int mentions) {}

    /** One article as the list shows it. */
    public record Summary(
            String id,
            String title,
            String url,
            String language,
            boolean spam,
            double spamScore,
            int cutSegments,
            String duplicateOf,
            Double similarity,
            List<EntityCount> topEntities,
            Set<String> canonicalNames,
            String filterReason,
            long timestamp,
            Location location) {

        /** The summary of {@code a}, read from {@code location} with record timestamp {@code timestamp}. */
        public static Summary of(EnrichedArticle a, Location location, long timestamp) {
            Map<String, int[]> counts = new LinkedHashMap<>();
            Map<String, String> types = new HashMap<>();
            for (Entity e : a.getEntities()) {
                String name = e.getCanonical() == null || e.getCanonical().isBlank() ? e.getText() : e.getCanonical();
                counts.computeIfAbsent(name, k -> new int[1])[0]++;
                types.putIfAbsent(name, e.getType());
            }
            List<EntityCount> all = new ArrayList<>();
            counts.forEach((name, n) -> all.add(new EntityCount(name, types.get(name), n[0])));
            // most mentioned first; ties keep the order of first mention (the sort is stable)
            all.sort(Comparator.comparingInt(EntityCount::mentions).reversed());
            return new Summary(
                    a.getId(),
                    a.getTitle(),
                    a.getUrl(),
                    a.getLanguage().getCode(),
                    a.getSpam().getFlagged(),
                    a.getSpam().getScore(),
                    a.getSpam().getSegments().size(),
                    a.getDuplicateOf(),
                    a.getSimilarity(),
                    List.copyOf(all.subList(0, Math.min(TOP_ENTITIES, all.size()))),
                    Set.copyOf(counts.keySet()),
                    a.getFilterReason(),
                    timestamp,
                    location);
        }

        public boolean duplicate() {
            return duplicateOf != null;
        }
    }

    /**
     * Filters of the list; null or blank means any.
     *
     * @param entity    canonical name, exact (case-insensitive)
     * @param search    part of a canonical name (case-insensitive)
     */
    public record Query(String language, String entity, String search, Boolean spam, Boolean duplicate) {
        public static final Query ALL = new Query(null, null, null, null, null);

        boolean test(Summary s) {
            if (present(language) && !language.equalsIgnoreCase(s.language())) {
                return false;
            }
            if (spam != null && spam != s.spam()) {
                return false;
            }
            if (duplicate != null && duplicate != s.duplicate()) {
                return false;
            }
            if (present(entity) && s.canonicalNames().stream().noneMatch(entity::equalsIgnoreCase)) {
                return false;
            }
            if (present(search)) {
                String needle = search.strip().toLowerCase(Locale.ROOT);
                return s.canonicalNames().stream()
                        .anyMatch(n -> n.toLowerCase(Locale.ROOT).contains(needle));
            }
            return true;
        }

        private static boolean present(String s) {
            return s != null && !s.isBlank();
        }
    }

    /** A dead letter and where it was read. */
    public record DeadLetterEntry(long seq, DeadLetter letter, Location location) {}

    /**
     * The accounting at a glance: records in {@code news.raw}, articles in {@code news.clean}, in {@code news.filtered}
     * by reason, dead letters by stage and reason, and records no decoder could read (by topic).
     */
    public record Accounting(
            long raw,
            long clean,
            Map<String, Long> filteredByReason,
            Map<String, Map<String, Long>> deadByStageAndReason,
            Map<String, Long> undecodable) {
        public long filtered() {
            return filteredByReason.values().stream().mapToLong(Long::longValue).sum();
        }

        public long dead() {
            return deadByStageAndReason.values().stream()
                    .flatMap(m -> m.values().stream())
                    .mapToLong(Long::longValue)
                    .sum();
        }

        /** Dead letters of the stream stages: the raw records that ended there (ingest's never reached news.raw). */
        public long deadAfterRaw() {
            return deadByStageAndReason.entrySet().stream()
                    .filter(e -> !"ingest".equals(e.getKey()))
                    .flatMap(e -> e.getValue().values().stream())
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    private final Map<String, Summary> clean = new HashMap<>();
    private final Map<String, Summary> filtered = new HashMap<>();
    private final Deque<DeadLetterEntry> deadLetters = new ArrayDeque<>();
    private final Map<String, Map<String, Long>> deadCounts = new TreeMap<>();
    private final Map<String, Long> undecodable = new TreeMap<>();
    private long deadSeq;
    private long raw;
    private long version;

    /** An article read from {@code news.clean} (replacing an earlier record of the same id). */
    public synchronized void putClean(Summary s) {
        clean.put(s.id(), s);
        version++;
    }

    /** A tombstone in {@code news.clean}. */
    public synchronized void removeClean(String id) {
        if (clean.remove(id) != null) {
            version++;
        }
    }

    /** An article read from {@code news.filtered}. */
    public synchronized void putFiltered(Summary s) {
        filtered.put(s.id(), s);
        version++;
    }

    public synchronized void addDeadLetter(DeadLetter letter, Location location) {
        deadLetters.addFirst(new DeadLetterEntry(++deadSeq, letter, location));
        if (deadLetters.size() > DEAD_LETTERS_KEPT) {
            deadLetters.removeLast();
        }
        deadCounts.computeIfAbsent(letter.getStage(), k -> new TreeMap<>()).merge(letter.getReason(), 1L, Long::sum);
        version++;
    }

    /** A record of {@code topic} that could not be decoded. */
    public synchronized void addUndecodable(String topic) {
        undecodable.merge(topic, 1L, Long::sum);
        version++;
    }

    public synchronized void setRaw(long records) {
        if (records != raw) {
            raw = records;
            version++;
        }
    }

    /** Changes with every update: the page polls it to know when to refresh. */
    public synchronized long version() {
        return version;
    }

    /** Clean articles matching {@code q}, newest first (by the time they reached news.clean). */
    public synchronized List<Summary> articles(Query q) {
        return clean.values().stream()
                .filter(q::test)
                .sorted(Comparator.comparingLong(Summary::timestamp).reversed().thenComparing(Summary::id))
                .toList();
    }

    /** Filtered articles, newest first. */
    public synchronized List<Summary> filteredArticles() {
        return filtered.values().stream()
                .sorted(Comparator.comparingLong(Summary::timestamp).reversed().thenComparing(Summary::id))
                .toList();
    }

    /** Languages of the clean articles, sorted. */
    public synchronized Set<String> languages() {
        Set<String> all = new TreeSet<>();
        clean.values().forEach(s -> all.add(s.language()));
        return all;
    }

    /** The clean article {@code id}, else the filtered one, else null. */
    public synchronized Summary find(String id) {
        Summary s = clean.get(id);
        return s != null ? s : filtered.get(id);
    }

    /** Kept dead letters of {@code stage} and {@code reason} (null: any), newest first. */
    public synchronized List<DeadLetterEntry> deadLetters(String stage, String reason) {
        return deadLetters.stream()
                .filter(d -> stage == null
                        || stage.isBlank()
                        || stage.equals(d.letter().getStage()))
                .filter(d -> reason == null
                        || reason.isBlank()
                        || reason.equals(d.letter().getReason()))
                .toList();
    }

    public synchronized Accounting accounting() {
        Map<String, Long> byReason = new TreeMap<>();
        filtered.values()
                .forEach(s -> byReason.merge(s.filterReason() == null ? "unknown" : s.filterReason(), 1L, Long::sum));
        Map<String, Map<String, Long>> dead = new TreeMap<>();
        deadCounts.forEach((stage, reasons) -> dead.put(stage, new TreeMap<>(reasons)));
        return new Accounting(raw, clean.size(), byReason, dead, new TreeMap<>(undecodable));
    }
}
