package org.psig.intake.it;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the "Report body" table of contract v1 (and its enum paragraphs) into field specs. */
final class ContractFields {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern SOME_REQUIRED = Pattern.compile("^(\\w+) and (\\w+) required");

    private ContractFields() {
    }

    static Map<String, FieldSpec> parse(String contract) {
        String body = contract.substring(contract.indexOf("## Report body"), contract.indexOf("## Kafka topics"));
        Map<String, FieldSpec> fields = new LinkedHashMap<>();
        for (String line : body.split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            String type = cells[2].trim();
            String rule = cells[3].trim();
            String prefix = null;
            for (String name : codes(cells[1])) {
                String field = name.startsWith(".") ? prefix + name : name;
                int dot = field.indexOf('.');
                prefix = dot < 0 ? null : field.substring(0, dot);
                String leaf = field.substring(dot + 1);
                Set<String> enums = type.contains("see below") ? paragraphEnums(body, field) : upperCase(codes(type));
                fields.put(field, new FieldSpec(required(rule, leaf), enums));
            }
        }
        return fields;
    }

    /**
     * The fields of an update, from the lifecycle addendum's table: its own fields, the incident
     * fields it names, and for impacts and actions "any of the v1 fields", taken from v1.
     */
    static Map<String, FieldSpec> parseUpdate(String addendum, Map<String, FieldSpec> v1) {
        String table = addendum.substring(addendum.indexOf("## Follow-up and closure"), addendum.indexOf("\n- A field present"));
        Map<String, FieldSpec> fields = new LinkedHashMap<>();
        for (String line : table.split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            String name = codes(cells[1]).iterator().next();
            String type = cells[2].trim();
            String rule = cells[3].trim();
            if (!type.equals("object")) {
                fields.put(name, new FieldSpec(rule.startsWith("required"), Set.of()));
            } else if (rule.contains("any of the v1")) {
                v1.forEach((field, spec) -> {
                    if (field.startsWith(name + ".")) {
                        fields.put(field, new FieldSpec(false, spec.enumValues()));
                    }
                });
            } else {
                // Parentheses qualify a field ("not before `detectedAt`"); they name no field of the object.
                for (String leaf : codes(rule.replaceAll("\\([^)]*\\)", ""))) {
                    if (leaf.matches("[a-z]\\w*")) {
                        FieldSpec known = v1.get(name + "." + leaf);
                        fields.put(name + "." + leaf, new FieldSpec(false, known == null ? Set.of() : known.enumValues()));
                    }
                }
            }
        }
        return fields;
    }

    private static boolean required(String rule, String leaf) {
        if (rule.startsWith("required")) {
            return true;
        }
        Matcher some = SOME_REQUIRED.matcher(rule);
        return some.find() && (some.group(1).equals(leaf) || some.group(2).equals(leaf));
    }

    private static Set<String> paragraphEnums(String body, String field) {
        int start = body.indexOf("`" + field + "`:");
        int end = body.indexOf("\n\n", start);
        return upperCase(codes(body.substring(start, end == -1 ? body.length() : end)));
    }

    private static Set<String> codes(String text) {
        Set<String> codes = new java.util.LinkedHashSet<>();
        Matcher matcher = CODE.matcher(text);
        while (matcher.find()) {
            codes.add(matcher.group(1));
        }
        return codes;
    }

    private static Set<String> upperCase(Set<String> codes) {
        Set<String> values = new TreeSet<>();
        codes.stream().filter(code -> code.matches("[A-Z_]+")).forEach(values::add);
        return values;
    }
}
