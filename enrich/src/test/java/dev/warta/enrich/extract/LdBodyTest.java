package dev.warta.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LdBodyTest {
    private static final String A =
            "The regional parliament approved the new water law on Thursday after a debate that "
                    + "lasted well into the night, with two abstentions.";
    private static final String B =
            "Farmers will pay a higher fee for groundwater from next year, while households keep "
                    + "the current tariff until the review in 2027.";
    private static final String C = "The opposition said it would challenge the law in court, arguing that the fee was "
            + "introduced without the consultation the constitution requires.";
    private static final String D = "Environmental groups welcomed the decision but said the fee was still too low to "
            + "change how water is used in the driest districts of the region.";
    private static final String TEASER = "Read our coverage of the drought summit, where ministers from five countries "
            + "met to discuss shared rivers.";

    @Test
    void cutsParagraphsAfterTheEndOfAnAgreeingArticleBody() {
        String body = String.join("\n", A, B, C, D);
        List<String> out = LdBody.trim(List.of("Water law", A, B, C, D, TEASER), body);
        assertThat(out).containsExactly("Water law", A, B, C, D);
    }

    @Test
    void keepsTheDomTextWhenTheArticleBodyIsATruncatedTeaser() {
        String body = String.join("\n", A, B, C);
        List<String> dom = List.of(A, B, C.substring(0, 60), D, TEASER);
        assertThat(LdBody.trim(dom, body)).isEqualTo(dom);
    }

    @Test
    void usesTheArticleBodyWhenTheDomPickedAnotherBlock() {
        String body = String.join(
                "\n",
                A,
                B,
                C,
                D,
                A.replace("Thursday", "Friday"),
                B.replace("next", "this"),
                C.replace("court", "the high court"),
                D.replace("driest", "wettest"));
        assertThat(LdBody.trim(List.of(TEASER), body)).startsWith(A, B, C, D);
    }

    @Test
    void ignoresShortOrMissingArticleBodies() {
        List<String> dom = List.of(A, TEASER);
        assertThat(LdBody.trim(dom, null)).isEqualTo(dom);
        assertThat(LdBody.trim(dom, "Short summary.")).isEqualTo(dom);
        assertThat(LdBody.trim(List.of(), "\u0000\uFFFF 🙂".repeat(300))).isEmpty();
    }
}
