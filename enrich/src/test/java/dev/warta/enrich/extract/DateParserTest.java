package dev.warta.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DateParserTest {

    @Test
    void parsesIndonesianDayMonthYearWithWibTime() {
        assertThat(DateParser.parseText("Jumat, 18 Februari 2022 - 11:10:00 WIB"))
                .isEqualTo("2022-02-18T11:10:00+07:00");
    }

    @Test
    void mapsWitaAndWitToTheirOffsets() {
        assertThat(DateParser.parseText("Kamis, 28 Juli 2022 15:44 WITA")).isEqualTo("2022-07-28T15:44:00+08:00");
        assertThat(DateParser.parseText("Kamis, 28 Juli 2022 15:44 WIT")).isEqualTo("2022-07-28T15:44:00+09:00");
    }

    @Test
    void parsesIndonesianAndEnglishMonthAbbreviations() {
        assertThat(DateParser.parseText("Jumat 03 Des 2021 20:16 WIB")).isEqualTo("2021-12-03T20:16:00+07:00");
        assertThat(DateParser.parseText("3 Dec 2021 10:00 WIB")).isEqualTo("2021-12-03T10:00:00+07:00");
        assertThat(DateParser.parseText("17 Agu 2023 10:00 WIB")).isEqualTo("2023-08-17T10:00:00+07:00");
        assertThat(DateParser.parseText("5 Okt 2020 10:00 WIB")).isEqualTo("2020-10-05T10:00:00+07:00");
        assertThat(DateParser.parseText("1 Mei 2019 10:00 WIB")).isEqualTo("2019-05-01T10:00:00+07:00");
    }

    @Test
    void parsesParenthesisedNumericDateAsDayFirst() {
        assertThat(DateParser.parseText("(5/7/2022 10:00 WIB)")).isEqualTo("2022-07-05T10:00:00+07:00");
    }

    @Test
    void givesNoInstantForADateWithoutATimeButStillReportsItsSpan() {
        String text = "berbicara melalui telepon, Jumat (29/7/2022).";
        assertThat(DateParser.parseText(text)).isNull();
        assertThat(DateParser.parseText("3 Dec 2021", ZoneOffset.ofHours(7))).isNull();
        assertThat(DateParser.parseMachine("2022-07-28")).isNull();
        DateParser.Found f = DateParser.find(text);
        assertThat(f.iso()).isNull();
        assertThat(text.substring(f.start(), f.end())).contains("29/7/2022");
    }

    @Test
    void givesNoInstantForATimeWithoutAnyZone() {
        assertThat(DateParser.parseText("28/07/2022 15:44")).isNull();
        assertThat(DateParser.parseMachine("2022-07-28 15:44:00")).isNull();
        assertThat(DateParser.parseMachine("2022-07-28T15:44:00")).isNull();
    }

    @Test
    void takesThePageZoneForATimeWrittenWithoutOne() {
        ZoneOffset wib = ZoneOffset.ofHours(7);
        assertThat(DateParser.parseText("28/07/2022 15:44", wib)).isEqualTo("2022-07-28T15:44:00+07:00");
        assertThat(DateParser.parseMachine("2022-07-28T15:44:00", wib)).isEqualTo("2022-07-28T15:44:00+07:00");
        // a zone written with the date wins over the page's
        assertThat(DateParser.parseMachine("2022-07-28T15:44:00-04:00", wib)).isEqualTo("2022-07-28T15:44:00-04:00");
    }

    @Test
    void readsTheZoneAPageStates() {
        assertThat(DateParser.statedZone("2024-03-05T09:30:00+01:00")).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(DateParser.statedZone("2024-03-05T09:30:00.000Z")).isEqualTo(ZoneOffset.UTC);
        assertThat(DateParser.statedZone("Selasa, 5 Maret 2024 14:05 WITA")).isEqualTo(ZoneOffset.ofHours(8));
        assertThat(DateParser.statedZone("2024-03-05T09:30:00")).isNull();
        assertThat(DateParser.statedZone("Wibowo menang 3-1 pada 10:30")).isNull();
        assertThat(DateParser.statedZone(null)).isNull();
    }

    @Test
    void switchesToMonthFirstWhenTheSecondNumberCannotBeAMonth() {
        assertThat(DateParser.parseText("7/28/2022 08:00 GMT")).isEqualTo("2022-07-28T08:00:00Z");
    }

    @Test
    void parsesNumericDateWithTime() {
        assertThat(DateParser.parseText("28/07/2022 15:44 WIB")).isEqualTo("2022-07-28T15:44:00+07:00");
    }

    @Test
    void parsesEnglishMonthFirstWithPmAndZone() {
        assertThat(DateParser.parseText("July 28, 2022 3:44 PM EDT")).isEqualTo("2022-07-28T15:44:00-04:00");
        assertThat(DateParser.parseText("Published April 25, 2023 1:36 PM GMT+2"))
                .isEqualTo("2023-04-25T13:36:00+02:00");
    }

    @Test
    void readsGmtPlusOffsets() {
        assertThat(DateParser.parseText("28 July 2022 09:00 GMT+7")).isEqualTo("2022-07-28T09:00:00+07:00");
        assertThat(DateParser.parseText("28 July 2022 09:00 UTC-05:30")).isEqualTo("2022-07-28T09:00:00-05:30");
    }

    @Test
    void normalisesMachineDates() {
        assertThat(DateParser.parseMachine("2022-07-28T15:44:00+0700")).isEqualTo("2022-07-28T15:44:00+07:00");
        assertThat(DateParser.parseMachine("2022-07-28T08:44:00.123Z")).isEqualTo("2022-07-28T08:44:00Z");
        assertThat(DateParser.parseMachine("2022-07-28 15:44:00+07:00")).isEqualTo("2022-07-28T15:44:00+07:00");
        assertThat(DateParser.parseMachine("Thu, 28 Jul 2022 08:44:00 GMT")).isEqualTo("2022-07-28T08:44:00Z");
        assertThat(DateParser.parseMachine("1659080000")).isEqualTo("2022-07-29T07:33:20Z");
    }

    @Test
    void returnsNullForImpossibleOrMissingDates() {
        assertThat(DateParser.parseText("31 Februari 2022")).isNull();
        assertThat(DateParser.parseText("tidak ada tanggal di sini")).isNull();
        assertThat(DateParser.parseText("Senin 12 Maret 1850")).isNull();
        assertThat(DateParser.parseMachine("yesterday")).isNull();
        assertThat(DateParser.parseMachine(null)).isNull();
        assertThat(DateParser.parseText("")).isNull();
    }

    @Test
    void findsTheFirstDateAndItsSpan() {
        String text = "Diterbitkan 2 Januari 2023 09:00 WIB, diperbarui 5 Januari 2023 10:00 WIB";
        DateParser.Found f = DateParser.find(text);
        assertThat(f.iso()).isEqualTo("2023-01-02T09:00:00+07:00");
        assertThat(text.substring(f.start(), f.end())).contains("2 Januari 2023");
    }

    @Test
    void survivesGarbageAndHugeInput() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            sb.append((char) (i * 7919 % 0xD7FF));
        }
        DateParser.parseText(sb.toString());
        assertThat(DateParser.parseText("1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1".repeat(1000)))
                .isNull();
    }
}
