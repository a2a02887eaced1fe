package org.zhengtong.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MessagesTests {

    private static final Path SOURCES = Path.of("src/main/java/org/zhengtong/shared");

    private static final Pattern MESSAGE_KEY = Pattern.compile("\"(code\\.[a-z0-9.-]+)\"");

    @Test
    void bothBundlesHaveTheSameKeys() throws IOException {
        assertThat(load("messages/shared.properties").stringPropertyNames())
            .isEqualTo(load("messages/shared_en.properties").stringPropertyNames());
    }

    @Test
    void everyKeyInTheSourcesHasAMessageAndNoMessageIsUnused() throws IOException {
        Set<String> used = keysInSources();

        assertThat(used).hasSizeGreaterThanOrEqualTo(16);
        assertThat(load("messages/shared.properties").stringPropertyNames()).isEqualTo(used);
    }

    @Test
    void theDefaultBundleIsWrittenInChineseCharacters() throws IOException {
        String raw = new String(resource("messages/shared.properties").readAllBytes(), StandardCharsets.UTF_8);
        Properties chinese = load("messages/shared.properties");

        assertThat(raw).doesNotContain("\\u");
        assertThat(chinese.stringPropertyNames())
            .allSatisfy((key) -> assertThat(chinese.getProperty(key)).containsPattern("\\p{IsHan}"));
    }

    @Test
    void everyMessageFormatsItsValue() throws IOException {
        for (String bundle : new String[] { "messages/shared.properties", "messages/shared_en.properties" }) {
            Properties messages = load(bundle);
            for (String key : messages.stringPropertyNames()) {
                String pattern = messages.getProperty(key);
                String formatted = MessageFormat.format(pattern, "VALUE", "ARG");
                if (pattern.contains("{0}")) {
                    assertThat(formatted).as(bundle + " " + key).contains("VALUE");
                }
                assertThat(formatted).as(bundle + " " + key).doesNotContain("{");
            }
        }
    }

    @Test
    void springResolvesAnInvalidCodeInEitherLanguage() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/shared");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        InvalidCode invalid = catchThrowableOfType(InvalidCode.class,
                () -> IdCardNumber.parse("110105194912310021"));

        assertThat(messages.getMessage(invalid, Locale.SIMPLIFIED_CHINESE))
            .isEqualTo("身份证号码 110105194912310021 的校验码不正确");
        assertThat(messages.getMessage(invalid, Locale.ENGLISH))
            .isEqualTo("The check character of ID number 110105194912310021 is wrong");
    }

    private static Set<String> keysInSources() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = MESSAGE_KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        }
        return keys;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = resource(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static InputStream resource(String name) {
        InputStream in = MessagesTests.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        return in;
    }

}
