package org.psig.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.psig.schemas.ArsNotification;
import org.psig.schemas.HfdsNotification;
import org.psig.schemas.Verdict;

/** docs/notifications.md documents every field of the notifications, and no field they lack. */
class NotificationDocumentTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "notifications.md");
    private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\|", Pattern.MULTILINE);

    static Stream<Arguments> records() {
        return Stream.of(Arguments.of("## `ArsNotification`", ArsNotification.getClassSchema()),
                Arguments.of("## `HfdsNotification`", HfdsNotification.getClassSchema()),
                Arguments.of("## `verdict`", Verdict.getClassSchema()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void shouldDocumentEveryFieldInSchemaOrder(String heading, Schema schema) throws Exception {
        assertThat(documentedFields(heading))
                .containsExactlyElementsOf(schema.getFields().stream().map(Schema.Field::name).toList());
    }

    private static List<String> documentedFields(String heading) throws Exception {
        String document = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
        int start = document.indexOf(heading);
        assertThat(start).as(heading + " in " + DOCUMENT).isNotNegative();
        int end = document.indexOf("\n## ", start + heading.length());
        Matcher rows = ROW.matcher(document.substring(start, end < 0 ? document.length() : end));
        List<String> fields = new ArrayList<>();
        while (rows.find()) {
            fields.add(rows.group(1));
        }
        return fields;
    }
}
