package org.zhengtong.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.zhengtong.shared.WorkingDays;

/**
 * The calendar's messages: the same keys in Chinese and English, Chinese written in characters, nothing
 * MessageFormat would swallow, and a message for every key the calendar's code and page use.
 */
class CalendarMessagesTests {

    static final List<Path> SOURCES = List.of(
            Path.of("src/main/java/org/zhengtong/shared/WorkingDays.java"),
            Path.of("src/main/java/org/zhengtong/web/CalendarChanges.java"),
            Path.of("src/main/java/org/zhengtong/web/CalendarController.java"),
            Path.of("src/main/resources/templates/calendar/year.html"));

    static final Pattern KEY = Pattern.compile("[\"{]\\s*(calendar\\.[a-z0-9.-]*[a-z0-9])[\"(}]");

    /** Audit actions look like message keys but are not. */
    static final Set<String> AUDIT_ACTIONS = Set.of("calendar.day.set", "calendar.day.clear", "calendar.year.enter",
            "calendar.import", "calendar.export");

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertThat(load("messages/calendar.properties").stringPropertyNames())
                .isEqualTo(load("messages/calendar_en.properties").stringPropertyNames());
    }

    @Test
    void chineseIsWrittenInCharactersAndNoMessageHasAnApostrophe() throws IOException {
        String raw = new String(resource("messages/calendar.properties").readAllBytes(), StandardCharsets.UTF_8);
        Properties chinese = load("messages/calendar.properties");

        assertThat(raw).doesNotContain("\\u");
        assertThat(chinese.stringPropertyNames()).allSatisfy(key -> assertThat(chinese.getProperty(key)).containsPattern("\\p{IsHan}"));
        for (String bundle : List.of("messages/calendar.properties", "messages/calendar_en.properties")) {
            Properties messages = load(bundle);
            assertThat(messages.stringPropertyNames()).allSatisfy(key -> assertThat(messages.getProperty(key)).as(bundle + " " + key)
                    .doesNotContain("'").doesNotContain("\u2019"));
        }
    }

    @Test
    void everyKeyUsedHasAMessage() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path source : SOURCES) {
            Matcher m = KEY.matcher(Files.readString(source));
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        used.removeAll(AUDIT_ACTIONS);
        for (WorkingDays.Kind kind : WorkingDays.Kind.values()) {
            used.add("calendar.kind." + kind);
            used.add("calendar.mark." + kind);
        }

        assertThat(used).hasSizeGreaterThan(40).contains("calendar.workday.on-weekday", "calendar.import.rejected");
        assertThat(load("messages/calendar.properties").stringPropertyNames()).containsAll(used);
    }

    @Test
    void yearsAreShownWithoutGroupingAndEveryArgumentIsFilledIn() throws IOException {
        for (String bundle : List.of("messages/calendar.properties", "messages/calendar_en.properties")) {
            Properties messages = load(bundle);
            Locale locale = bundle.endsWith("_en.properties") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
            for (String key : messages.stringPropertyNames()) {
                String pattern = messages.getProperty(key);
                if (!pattern.contains("{")) {
                    continue;
                }
                // Years are numbers; everything else is passed as text.
                Object[] args = new Object[3];
                for (int i = 0; i < args.length; i++) {
                    args[i] = pattern.contains("{" + i + ",number") ? (Object) 2026 : "ARG" + i;
                }
                String formatted = new MessageFormat(pattern, locale).format(args);
                assertThat(formatted).as(bundle + " " + key).doesNotContain("{").doesNotContain("2,026");
                if (pattern.contains("{0}")) {
                    assertThat(formatted).as(bundle + " " + key).contains("ARG0");
                }
            }
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = resource(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static InputStream resource(String name) {
        InputStream in = CalendarMessagesTests.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        return in;
    }
}
