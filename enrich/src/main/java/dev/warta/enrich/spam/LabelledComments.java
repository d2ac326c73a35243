package dev.warta.enrich.spam;

import dev.warta.enrich.Csv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled comment set ({@code comment_id,author,comment_text,label}) with the deterministic split shared by
 * {@link TrainSpamModel} and the spam evaluation ({@code ./warta-tools spam}): a comment is held out when a hash of
 * its id falls in the last fifth.
 */
public final class LabelledComments {
    /** One labelled text. */
    public record Example(String id, String text, boolean spam) {}

    private LabelledComments() {}

    public static List<Example> read(Path csv) throws IOException {
        List<List<String>> rows = Csv.read(csv);
        List<Example> out = new ArrayList<>(rows.size());
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            if (r.size() < 4) {
                continue;
            }
            String label = r.get(3).strip();
            if (!label.equals("0") && !label.equals("1")) {
                continue;
            }
            out.add(new Example(r.get(0), r.get(2), label.equals("1")));
        }
        return out;
    }

    /** True for the held-out fifth (evaluation), false for training. */
    public static boolean heldOut(String id) {
        int h = 0x811c9dc5;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0x01000193;
        }
        return Integer.remainderUnsigned(h, 5) == 0;
    }
}
