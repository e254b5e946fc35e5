package org.psig.bench;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Writes maps, lists, strings, numbers and booleans as indented JSON: all results.json needs. */
final class Json {

    private Json() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, "");
        return out.append('\n').toString();
    }

    private static void write(Object value, StringBuilder out, String indent) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            writeEntries(map.entrySet().iterator(), out, indent, '{', '}', true);
        } else if (value instanceof List<?> list) {
            writeEntries(list.iterator(), out, indent, '[', ']', false);
        } else if (value instanceof Double number) {
            out.append(number.isNaN() || number.isInfinite() ? "null" : String.format(java.util.Locale.ROOT, "%.3f", number));
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            out.append('"').append(value.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
    }

    private static void writeEntries(Iterator<?> entries, StringBuilder out, String indent, char open, char close,
                                     boolean keyed) {
        out.append(open);
        String inner = indent + "  ";
        boolean first = true;
        while (entries.hasNext()) {
            Object entry = entries.next();
            out.append(first ? "\n" : ",\n").append(inner);
            first = false;
            if (keyed) {
                Map.Entry<?, ?> pair = (Map.Entry<?, ?>) entry;
                out.append('"').append(pair.getKey()).append("\": ");
                write(pair.getValue(), out, inner);
            } else {
                write(entry, out, inner);
            }
        }
        out.append(first ? "" : "\n" + indent).append(close);
    }
}
