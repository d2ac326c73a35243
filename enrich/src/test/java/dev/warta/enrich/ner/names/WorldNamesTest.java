package dev.warta.enrich.ner.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorldNamesTest {
    @Test
    void shouldMapIndonesianAndOfficialNamesToTheCommonEnglishName(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("world-countries-id.csv"),
                "cca2,name_id,name_en_common,name_en_official,capital_en,capital_id,ner_type\n"
                        + "XA,Negeri Contoh,Exampleland,\"Republic of Exampleland, The\",Sample City; Old Town,"
                        + "Kota Sampel; Old Town,LOCATION\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("names.tsv");
        WorldNames.build(dir, out);
        WorldNames names;
        try (InputStream in = Files.newInputStream(out)) {
            names = WorldNames.read(in);
        }
        assertEquals("Exampleland", names.canonical("Negeri  Contoh"));
        assertEquals("Exampleland", names.canonical("republic of exampleland, the"));
        assertEquals("Sample City", names.canonical("Kota Sampel"));
        assertEquals("Old Town", names.canonical("Old Town"));
        assertNull(names.canonical("Nowhere"));
    }
}
