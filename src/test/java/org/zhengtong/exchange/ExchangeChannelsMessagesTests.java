package org.zhengtong.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The words of the exchange sources page, pull sources, file drop and push delivery read the same in Chinese and
 * English, and every key the code and the page use is there.
 */
class ExchangeChannelsMessagesTests {

    static final String CHINESE = "messages/exchange-channels.properties";
    static final String ENGLISH = "messages/exchange-channels_en.properties";
    static final Pattern KEY = Pattern.compile("\"(exchange\\.(?:field|sources|node-key)\\.[a-z0-9.-]+[a-z0-9])\"|#\\{'?(exchange\\.(?:sources|node-key)\\.[A-Za-z0-9.-]+)");
    static final Pattern PROBLEM = Pattern.compile("new ChannelProblem\\(\"([a-z-]+)\"");

    @Test
    void bothLanguagesHaveTheSameMessagesAndChineseComesFirst() throws IOException {
        Properties chinese = load(CHINESE);
        assertThat(load(ENGLISH).stringPropertyNames()).isEqualTo(chinese.stringPropertyNames());
        assertThat(chinese.stringPropertyNames()).allSatisfy(key -> assertThat(chinese.getProperty(key)).as(key).containsPattern("\\p{IsHan}"));
    }

    @Test
    void everyMessageFormatsItsArgumentsAndApostrophesSurviveWithout() throws IOException {
        for (String bundle : new String[] {CHINESE, ENGLISH}) {
            Properties messages = load(bundle);
            for (String key : messages.stringPropertyNames()) {
                String pattern = messages.getProperty(key);
                String shown = pattern.contains("{") ? new MessageFormat(pattern).format(new Object[] {1, 2, 3}) : pattern;
                assertThat(shown).as(bundle + " " + key).doesNotContain("{").doesNotContain("''");
            }
        }
    }

    @Test
    void everyKeyThePageAndTheCodeUseExists() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path root : new Path[] {Path.of("src/main/java/org/zhengtong/exchange"), Path.of("src/main/resources/templates/exchange")}) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(file);
                    Matcher m = KEY.matcher(text);
                    while (m.find()) {
                        used.add(m.group(1) != null ? m.group(1) : m.group(2));
                    }
                    Matcher p = PROBLEM.matcher(text);
                    while (p.find()) {
                        used.add("problem.exchange." + p.group(1));
                    }
                }
            }
        }
        used.removeIf(key -> key.endsWith("."));
        used.removeIf(key -> key.startsWith("exchange.field.") && !isChannelField(key));
        for (String s : new String[] {"IDLE", "READING", "PUBLISHING", "DONE", "FAILED"}) {
            used.add("exchange.sources.state." + s);
        }
        used.add("problem.exchange.source-interrupted");
        used.add("problem.exchange.source-failed");
        assertThat(used).hasSizeGreaterThan(50);
        assertThat(load(CHINESE).stringPropertyNames()).containsAll(used);
    }

    /** The field messages of this bundle; the hub's other fields have theirs in messages/exchange. */
    private static boolean isChannelField(String key) {
        return Stream.of("jdbc-url", "query", "sync-mode", "incremental-column", "schedule-kind", "interval", "cron", "window", "window-interval")
                .anyMatch(f -> key.startsWith("exchange.field." + f + "."));
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ExchangeChannelsMessagesTests.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
