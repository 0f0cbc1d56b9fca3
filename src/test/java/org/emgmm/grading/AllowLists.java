package org.emgmm.grading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each exercise may use from the library, by name: the types that carry its data and parameters
 * in and out, and the few members that read or build them, never an algorithm. Whatever of
 * {@code org.emgmm} is not on an exercise's list, it may not use (default deny), so a library that grows
 * gives no exercise a new way round its task.
 *
 * <p>A list holds types and their members; a member {@code new} is a constructor, and {@link #ANY} every
 * member. A type may be named (for a variable, a parameter, a class that implements it) when its list
 * holds it; {@code toString}, {@code equals} and {@code hashCode} of a type on the list may always be
 * called. Every exercise may also use the library's four exceptions ({@link #EXCEPTIONS}).
 *
 * <p>The lists belong to the exercise files, by name. Code in another file (a helper class, another
 * exercise) is held to the list of every exercise that reaches it, and a file that no exercise reaches
 * to what all exercises may use ({@link #shared()}): see {@link SubmissionGraph}.
 * {@code StudentEm.java}, which is no exercise but assembles exercises 4 to 6, may use what those three
 * may; {@code StudentVectorisedEm.java}, which assembles exercises 10 and 6, what those two may and the
 * Cholesky factors it hands to exercise 10.
 */
final class AllowLists {

    /** A member name that stands for every member of the type, its constructors included. */
    static final String ANY = "*";

    /** The member name of a type's constructors. */
    static final String NEW = "new";

    /** Members of {@code Object} that every type on a list may have called. */
    private static final Set<String> OBJECT_METHODS = Set.of("toString", "equals", "hashCode");

    private static final String DATA = "org.emgmm.data.";
    private static final String EM = "org.emgmm.em.";
    private static final String MODEL = "org.emgmm.model.";

    /** One library type on a list, and the members of it the list allows. */
    private record Entry(String type, List<String> members) {
    }

    /** The library's exceptions: every exercise may name, throw and catch them. */
    private static final List<Entry> EXCEPTIONS = List.of(type(DATA + "DataException", ANY),
            type(EM + "EmException", ANY), type(MODEL + "InvalidMixtureException", ANY),
            type(MODEL + "NotPositiveDefiniteException", ANY));

    /** Reading the points: N, D and the values. */
    private static final Entry DATA_READ = type(DATA + "DataMatrix", "rows", "columns", "get", "row",
            "toFlatArray");

    /** Reading parameters: K, D, the weights, means and covariances. */
    private static final Entry MIXTURE_READ = type(MODEL + "GaussianMixture", "components", "dimension",
            "weight", "weights", "mean", "flatMeans", "covariance", "flatCovariances", "covarianceMatrix");

    /** Building parameters from their values. */
    private static final Entry MIXTURE_BUILD = type(MODEL + "GaussianMixture", "ofFlat", "of");

    /** Reading responsibilities: N, K and r[i][k]. */
    private static final Entry RESPONSIBILITIES_READ = type(EM + "Responsibilities", "points", "components", "get",
            "toFlatArray");

    /** The rule for an empty component: its threshold. */
    private static final Entry EMPTY_RULE = type(EM + "EmptyComponents", "THRESHOLD", "isEmpty");

    /** Reading an E-step's result. */
    private static final Entry ESTEP_READ = type(EM + "EStep", "responsibilities", "logLikelihood");

    /** Reading an EM run's result. */
    private static final Entry RESULT_READ = type(EM + "EmResult", "model", "logLikelihood", "meanLogLikelihood",
            "points", "totalWeight", "trace", "iterations", "converged");

    /** Reading EM's settings. */
    private static final Entry SETTINGS_READ = type(EM + "EmSettings", "maxIterations", "tolerance", "regCovar");

    /** A file with a list of its own that is not an exercise: exercises 4 to 6 behind EmAlgorithm. */
    static final String STUDENT_EM = "StudentEm.java";

    /** The other such file: exercise 10's E- and M-step in exercise 6's loop, behind EmAlgorithm. */
    static final String STUDENT_VECTORISED_EM = "StudentVectorisedEm.java";

    /** The files that only assemble exercises: a rule an exercise breaks is not told again for them. */
    private static final Set<String> ASSEMBLIES = Set.of(STUDENT_EM, STUDENT_VECTORISED_EM);

    /** Exercise file name → its list: library type → members ({@link #ANY} for all). */
    private static final Map<String, Map<String, Set<String>>> LISTS = new LinkedHashMap<>();

    static {
        LISTS.put("Ex1NormalPdf.java", list());
        LISTS.put("Ex2LogSumExp.java", list());
        LISTS.put("Ex3CholeskyDensity.java", list());
        LISTS.put("Ex4EStep.java", list(DATA_READ, MIXTURE_READ, type(MODEL + "GaussianMixture",
                "logComponentDensity"), RESPONSIBILITIES_READ, type(EM + "Responsibilities", "wrap"), ESTEP_READ,
                type(EM + "EStep", NEW)));
        LISTS.put("Ex5MStep.java", list(DATA_READ, RESPONSIBILITIES_READ, MIXTURE_READ, MIXTURE_BUILD, EMPTY_RULE));
        LISTS.put("Ex6EmLoop.java", list(DATA_READ, RESPONSIBILITIES_READ, MIXTURE_READ, ESTEP_READ,
                type(EM + "EmAlgorithm", "name", "eStep", "mStep"), SETTINGS_READ, type(EM + "EmResult", NEW), type(EM + "EmLoop", "requireCompatible", "checkedEStep", "checkedMStep",
                        "recordEmptyComponents"), EMPTY_RULE));
        LISTS.put("Ex7UnivariateEm.java", list(MIXTURE_READ, MIXTURE_BUILD, EMPTY_RULE));
        LISTS.put("Ex8KMeansPlusPlus.java", list(DATA_READ, type(MODEL + "GaussianMixture"),
                type(EM + "Initialisation", "withDataCovariance")));
        LISTS.put("Ex9Bic.java", list(DATA_READ, MIXTURE_READ, RESULT_READ, type(EM + "EmAlgorithm", "name", "fit"),
                SETTINGS_READ, type(EM + "Initialisation", "randomPoints")));
        // Exercise 11: the types' names, data and mixtures in and out, a lent fit; never CovarianceType's
        // constrain or parameter count, GaussianMixture.constrainedTo, nor anything of org.emgmm.selection.
        LISTS.put("Ex11CovarianceTypes.java", list(DATA_READ, RESPONSIBILITIES_READ, MIXTURE_READ,
                type(MODEL + "GaussianMixture", "covarianceType"), MIXTURE_BUILD, type(MODEL + "CovarianceType", "FULL",
                        "DIAG", "SPHERICAL", "TIED", "values", "label", "name", "ordinal"), RESULT_READ,
                type(EM + "EmAlgorithm", "name", "fit"), SETTINGS_READ, type(EM + "Initialisation", "randomPoints")));
        // Exercise 10: flat arrays in and out; the Cholesky factors are given, and nothing that computes a
        // density, a log-sum-exp or an E-step (logComponentDensity, cholesky, org.emgmm.vectorised) is on it.
        LISTS.put("Ex10Vectorise.java", list(DATA_READ, MIXTURE_READ, MIXTURE_BUILD, RESPONSIBILITIES_READ,
                type(EM + "Responsibilities", "wrap"), ESTEP_READ, type(EM + "EStep", NEW), EMPTY_RULE));
        LISTS.put(STUDENT_EM, union("Ex4EStep.java", "Ex5MStep.java", "Ex6EmLoop.java"));
        Map<String, Set<String>> vectorised = union("Ex10Vectorise.java", "Ex6EmLoop.java");
        // The factors and log-determinants exercise 10 is given, read from the mixture.
        vectorised.computeIfAbsent(MODEL + "GaussianMixture", t -> new LinkedHashSet<>()).add("cholesky");
        vectorised.put("org.emgmm.linalg.Cholesky", new LinkedHashSet<>(List.of("lowerTriangle", "logDeterminant")));
        LISTS.put(STUDENT_VECTORISED_EM, vectorised);
    }

    /** What any of {@code exercises} may use: their lists, merged. */
    private static Map<String, Set<String>> union(String... exercises) {
        Map<String, Set<String>> union = new LinkedHashMap<>();
        for (String exercise : exercises) {
            LISTS.get(exercise).forEach((type, members) -> union.computeIfAbsent(type,
                    t -> new LinkedHashSet<>()).addAll(members));
        }
        return union;
    }

    /** What every exercise may use: the intersection of all the lists. */
    private static final Map<String, Set<String>> SHARED = intersection();

    private AllowLists() {
    }

    /** A type and some of its members, for a list. */
    private static Entry type(String type, String... members) {
        return new Entry(type, List.of(members));
    }

    /** The exceptions and {@code entries}, merged by type. */
    private static Map<String, Set<String>> list(Entry... entries) {
        Map<String, Set<String>> list = new LinkedHashMap<>();
        List<Entry> all = new ArrayList<>(List.of(entries));
        all.addAll(EXCEPTIONS);
        for (Entry entry : all) {
            list.computeIfAbsent(entry.type(), t -> new LinkedHashSet<>()).addAll(entry.members());
        }
        return list;
    }

    /** The types on every list, each with the members every list allows. */
    private static Map<String, Set<String>> intersection() {
        Map<String, Set<String>> shared = null;
        for (Map<String, Set<String>> list : LISTS.values()) {
            if (shared == null) {
                shared = copy(list);
                continue;
            }
            shared.keySet().retainAll(list.keySet());
            for (Map.Entry<String, Set<String>> entry : shared.entrySet()) {
                Set<String> other = list.get(entry.getKey());
                if (!other.contains(ANY)) {
                    if (entry.getValue().contains(ANY)) {
                        entry.setValue(new LinkedHashSet<>(other));
                    } else {
                        entry.getValue().retainAll(other);
                    }
                }
            }
        }
        return shared;
    }

    /** A deep copy of a list, whose member sets may be changed. */
    private static Map<String, Set<String>> copy(Map<String, Set<String>> list) {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        list.forEach((type, members) -> copy.put(type, new LinkedHashSet<>(members)));
        return copy;
    }

    /**
     * Whether {@code file} only assembles exercises ({@code StudentEm.java}, {@code StudentVectorisedEm.java}).
     *
     * @param file a file name, or null (for a file no exercise reaches)
     * @return true for the two assemblies
     */
    static boolean isAssembly(String file) {
        return file != null && ASSEMBLIES.contains(file);
    }

    /**
     * Whether {@code file} has a list of its own: an exercise file, or {@link #STUDENT_EM}.
     *
     * @param file a file name, e.g. {@code Ex4EStep.java}
     * @return true if code is held to a list because it is in this file or reached from it
     */
    static boolean hasList(String file) {
        return LISTS.containsKey(file);
    }

    /** {@return the files with a list of their own, the exercises and then StudentEm.java} */
    static Set<String> files() {
        return LISTS.keySet();
    }

    /** {@return what every exercise may use: the list of a file no exercise reaches} */
    static Map<String, Set<String>> shared() {
        return SHARED;
    }

    /**
     * The list of an exercise file.
     *
     * @param file a file name; one without a list of its own gets {@link #shared()}
     * @return library type → the members it may use ({@link #ANY} for all)
     */
    static Map<String, Set<String>> of(String file) {
        return LISTS.getOrDefault(file, SHARED);
    }

    /**
     * Whether a list allows a library type, or one of its members.
     *
     * @param list       a list, from {@link #of}
     * @param ownerClass the type, qualified
     * @param member     the member ({@link #NEW} for a constructor), or null for naming the type
     * @return true if it does
     */
    static boolean allows(Map<String, Set<String>> list, String ownerClass, String member) {
        Set<String> members = list.get(ownerClass);
        return members != null && (member == null || members.contains(ANY) || members.contains(member)
                || OBJECT_METHODS.contains(member));
    }

    /**
     * A list as the students' guide shows it: {@code DataMatrix: rows, columns; GaussianMixture: …},
     * without the exceptions every exercise may use.
     *
     * @param file an exercise file name
     * @return the list in one line; "nothing" when it holds only the exceptions
     */
    static String describe(String file) {
        List<String> types = new ArrayList<>();
        of(file).forEach((type, members) -> {
            if (!SHARED.containsKey(type)) {
                String name = type.substring(type.lastIndexOf('.') + 1);
                types.add(members.isEmpty() ? name : name + ": " + String.join(", ", members));
            }
        });
        return types.isEmpty() ? "nothing" : String.join("; ", types);
    }

    /** {@return the types every exercise may use, by simple name: the exceptions} */
    static String describeShared() {
        return String.join(", ", SHARED.keySet().stream().map(type -> type.substring(type.lastIndexOf('.') + 1))
                .toList());
    }
}
