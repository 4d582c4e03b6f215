package dev.connectx.adapters.web;

/**
 * Text into HTML: every value the pages show comes from Connect, a request or the store, and goes in escaped, as text
 * or as a quoted attribute, never as markup.
 */
final class Html {

    private final StringBuilder out = new StringBuilder(8192);

    /** Appends markup written here, never a value. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Appends a value as text. */
    Html text(Object value) {
        String text = String.valueOf(value);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(Character.isISOControl(c) && c != '\n' && c != '\t' ? '\ufffd' : c);
            }
        }
        return this;
    }

    /** {@code <tag class="…">text</tag>}; no class when {@code className} is null. */
    Html element(String tag, String className, Object text) {
        raw("<").raw(tag);
        if (className != null) {
            raw(" class=\"").raw(className).raw("\"");
        }
        return raw(">").text(text).raw("</").raw(tag).raw(">");
    }

    /** {@code <a href="prefix segment suffix">text</a>}, the segment escaped for a URL and the whole for HTML. */
    Html link(String prefix, String segment, String suffix, Object text) {
        String encoded = java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
        return raw("<a href=\"")
                .text(prefix + encoded + suffix)
                .raw("\">")
                .text(text)
                .raw("</a>");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
