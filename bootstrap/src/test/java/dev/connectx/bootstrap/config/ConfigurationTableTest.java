package dev.connectx.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.testing.support.RepositoryFiles;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The README's configuration section says what {@link SettingKey} defines: every key, its part, its default. */
class ConfigurationTableTest {

    private static final Pattern NAME = Pattern.compile("`([A-Z][A-Z_]+)`");
    private static String section;
    private static final Map<SettingKey, List<String>> rows = new HashMap<>();

    @BeforeAll
    static void readTheReadme() throws Exception {
        String readme = RepositoryFiles.read("README.md");
        int start = readme.indexOf("## Configuration");
        section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        for (String line :
                section.lines().filter(line -> line.startsWith("| `")).toList()) {
            List<String> cells = Arrays.stream(
                            line.substring(1, line.length() - 1).split(" \\| "))
                    .map(String::strip)
                    .toList();
            for (String name : names(cells.getFirst())) {
                SettingKey key = SettingKey.valueOf(name); // a name the code does not read fails here
                assertTrue(rows.put(key, cells) == null, name + " has two rows");
            }
        }
    }

    private static Set<String> names(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = NAME.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    @Test
    void every_setting_has_a_row() {
        assertEquals(Set.of(SettingKey.values()), rows.keySet());
    }

    @Test
    void each_row_names_the_part_its_settings_configure() {
        rows.forEach((key, cells) -> assertEquals(key.part().label(), cells.get(1), key.name()));
    }

    @Test
    void each_default_in_the_code_is_the_default_in_the_table() {
        rows.forEach((key, cells) ->
                key.defaultValue().ifPresent(value -> assertEquals("`" + value + "`", cells.getLast(), key.name())));
        rows.forEach((key, cells) -> {
            if (key.defaultValue().isEmpty()) {
                assertTrue(
                        names(cells.getLast()).stream().allMatch(name -> rows.containsKey(SettingKey.valueOf(name))),
                        key.name() + " has no default of its own; its cell may only name another setting: "
                                + cells.getLast());
            }
        });
    }

    @Test
    void the_secrets_and_the_variables_declared_to_connect_are_listed_as_the_code_has_them() {
        assertEquals(keys(k -> k.isSecret()), listAfter("Secrets are never logged:"));
        assertEquals(keys(k -> k.declared() != SettingKey.Declared.NO), listAfter("Declared to Connect,"));
    }

    private static Set<String> keys(java.util.function.Predicate<SettingKey> which) {
        return Arrays.stream(SettingKey.values()).filter(which).map(Enum::name).collect(Collectors.toSet());
    }

    /** The setting names in the sentence that starts with {@code opening}, up to the sentence's end. */
    private static Set<String> listAfter(String opening) {
        int start = section.indexOf(opening);
        assertTrue(start >= 0, opening);
        String rest = section.substring(start);
        String sentence = rest.substring(0, rest.indexOf(". ") < 0 ? rest.length() : rest.indexOf(". "));
        return names(sentence.replace("mongodb+srv", "")).stream()
                .filter(name -> !name.equals("SettingKey"))
                .collect(Collectors.toSet());
    }
}
