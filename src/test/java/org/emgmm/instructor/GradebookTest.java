package org.emgmm.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CSV files the grader writes cannot carry a formula into a spreadsheet: a cell that starts like
 * one is written as text, with a single quote in front, while the grader's own numbers stay numbers.
 */
class GradebookTest {

    @TempDir
    Path folder;

    @Test
    void aCellThatStartsLikeAFormulaGetsAQuoteInFront() {
        for (String formula : List.of("=1+2", "+1", "-cmd", "@SUM(A1)", "\tx", "\rx", "-3+4", "-", "=-3", "--3")) {
            assertEquals("'" + formula, Gradebook.neutralised(formula), formula);
        }
    }

    @Test
    void numbersAndOrdinaryTextStayAsTheyAre() {
        for (String plain : List.of("-3", "0", "105", "-0.25", "0.225", "graded", "Ex1NormalPdf.java does not compile",
                "a=b", "", "ana_maria-2")) {
            assertEquals(plain, Gradebook.neutralised(plain), plain);
        }
    }

    @Test
    void aRowNeutralisesBeforeItQuotes() {
        assertEquals("'=1+2,-3,\"'=A1,\"\"x\"\"\",\"'@a\rb\"\n", Gradebook.row(List.of("=1+2", "-3", "=A1,\"x\"",
                "@a\rb")));
    }

    /** A gradebook row whose note a student's file name starts with "=": no cell of the file starts a formula. */
    @Test
    void theGradebookWrittenHasNoCellThatStartsAFormula() throws IOException {
        SubmissionReport report = SubmissionReport.graded("-1+2", null, template(),
                Map.of("=HYPERLINK(\"http://example.com\").java", "does not compile, so left out"),
                new GradingJvm.Outcome(GradingJvm.Ending.FINISHED, 0, "", null, 0), 900);
        Path file = Gradebook.write(folder, List.of(report));
        List<List<String>> rows = ClassReportTest.readCsv(file);
        assertEquals(2, rows.size(), rows.toString());
        List<String> row = rows.get(1);
        assertEquals("'-1+2", row.get(0), "the id");
        assertEquals("0", row.get(1), "the score, a number");
        assertTrue(row.get(row.size() - 1).startsWith("'=HYPERLINK("), row.toString());
        for (List<String> cells : rows) {
            for (String cell : cells) {
                assertFalse(!cell.isEmpty() && "=+@\t\r".indexOf(cell.charAt(0)) >= 0, cell);
                assertFalse(cell.startsWith("-") && !cell.matches("-[0-9.]+"), cell);
            }
        }
    }

    /** One test of exercise 1, failing: the untouched skeletons' results.json. */
    private static JsonObject template() {
        JsonObject test = new JsonObject();
        test.addProperty("name", "Exercise 1: pdf");
        test.addProperty("number", "1.1");
        test.addProperty("score", 0);
        test.addProperty("max_score", 3);
        test.addProperty("status", "failed");
        test.addProperty("output", "TODO");
        JsonArray tests = new JsonArray();
        tests.add(test);
        JsonObject results = new JsonObject();
        results.add("tests", tests);
        results.addProperty("score", 0);
        return results;
    }
}
