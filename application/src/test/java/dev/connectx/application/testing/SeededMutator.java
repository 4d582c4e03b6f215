package dev.connectx.application.testing;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A small, repeatable fuzzer for JSON-shaped text: each input is a seed from a corpus with one to four random
 * mutations (byte edits, JSON-token splices, type swaps, deep nesting, huge numbers, odd escapes). The same seed
 * gives the same sequence, so a failure is reproduced by its seed and index.
 */
public final class SeededMutator {

    /** How many inputs each fuzz test runs: {@code -Dconnectx.fuzz.executions=N} (default 20 000). */
    public static final int EXECUTIONS = Integer.getInteger("connectx.fuzz.executions", 20_000);

    private static final String[] TOKENS = {
        "{",
        "}",
        "[",
        "]",
        "\"",
        ":",
        ",",
        "null",
        "true",
        "false",
        "0",
        "-0",
        "1e309",
        "-1",
        "3.5",
        "99999999999999999999999",
        "\"\"",
        "{}",
        "[]",
        "\\u0000",
        "\\ud800",
        "\\\"",
        "\\",
        "\u0000",
        "\uFFFF",
        "\"$oid\"",
        "\"a.b\"",
        "\"$where\"",
        "\"version\"",
        "\"message_type\"",
        "\"data\"",
        "\"task\"",
        "\"setup_response\"",
        "\"shutdown\"",
        "\"options\"",
        "\"input\"",
        "\"status\"",
        "\"id\"",
        "\"asset\"",
        "\"updated\"",
        "\"2023-01-18T10:02:13+00:00\"",
        "\"pending\"",
        "\"PR-1234-5678-9012-001\"",
        "2",
        "[".repeat(200),
        "{\"a\":".repeat(150),
        " ",
        "\n",
        "é",
        "😀",
    };

    private final SplittableRandom random;
    private final List<String> corpus;

    public SeededMutator(long seed, List<String> corpus) {
        this.random = new SplittableRandom(seed);
        this.corpus = List.copyOf(corpus);
    }

    /** What one fuzz input came to: a label to count by; anything unexpected is thrown. */
    @FunctionalInterface
    public interface Target {
        String outcome(String input);
    }

    /**
     * Runs {@link #EXECUTIONS} mutated inputs through {@code target}, counts the outcomes, prints one line and
     * returns the counts. An exception the target lets out fails the run, naming the seed, the input's index and
     * the input itself.
     */
    public static Map<String, Integer> fuzz(String name, List<String> corpus, Target target) {
        long seed = seed();
        SeededMutator mutator = new SeededMutator(seed, corpus);
        Map<String, Integer> outcomes = new TreeMap<>();
        long started = System.nanoTime();
        for (int i = 0; i < EXECUTIONS; i++) {
            String input = mutator.next();
            try {
                outcomes.merge(target.outcome(input), 1, Integer::sum);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError(
                        "fuzz " + name + ": seed " + seed + ", input " + i + ": " + e + "\ninput: " + input, e);
            }
        }
        System.out.printf(
                "fuzz %s: %d executions (seed %d): %s, %d ms%n",
                name, EXECUTIONS, seed, outcomes, (System.nanoTime() - started) / 1_000_000);
        return outcomes;
    }

    /** The next input: a corpus entry, mutated one to four times. */
    public String next() {
        StringBuilder text = new StringBuilder(corpus.get(random.nextInt(corpus.size())));
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            mutate(text);
        }
        return text.toString();
    }

    private void mutate(StringBuilder text) {
        int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
        switch (random.nextInt(7)) {
            case 0 -> { // flip a character
                if (!text.isEmpty()) {
                    int index = Math.min(at, text.length() - 1);
                    text.setCharAt(index, (char) (text.charAt(index) ^ (1 << random.nextInt(7))));
                }
            }
            case 1 -> { // delete a range
                int end = Math.min(text.length(), at + 1 + random.nextInt(16));
                text.delete(Math.min(at, end), end);
            }
            case 2 -> text.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
            case 3 -> { // duplicate a range
                int end = Math.min(text.length(), at + 1 + random.nextInt(64));
                text.insert(at, text.substring(Math.min(at, end), end));
            }
            case 4 -> replaceValue(text, "\"", TOKENS[random.nextInt(TOKENS.length)]);
            case 5 -> text.insert(at, (char) random.nextInt(0x80));
            default -> { // cut the text short
                text.setLength(at);
            }
        }
    }

    /** Replaces a quoted string value (the text after a {@code ":"}) with another JSON token: a type swap. */
    private void replaceValue(StringBuilder text, String quote, String replacement) {
        int colon = text.indexOf(":" + quote, random.nextInt(Math.max(1, text.length())));
        if (colon < 0) {
            return;
        }
        int end = text.indexOf(quote, colon + 2);
        if (end > 0) {
            text.replace(colon + 1, end + 1, replacement);
        }
    }

    /**
     * The seed: {@code -Dconnectx.fuzz.seed=N}, or {@code random} for a new one each run; by default a fixed one,
     * so that the build is repeatable.
     */
    public static long seed() {
        String value = System.getProperty("connectx.fuzz.seed", "20261127");
        return value.equals("random") ? new Random().nextLong() : Long.parseLong(value);
    }
}
