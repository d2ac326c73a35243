package dev.warta.enrich.spam;

import java.util.List;

/** A paragraph judged spam: its index in the input, category (gambling, seo-links, promo, scam), score, text, cues. */
public record SpamSegmentResult(int paragraphIndex, String category, double score, String text, List<String> reasons) {}
