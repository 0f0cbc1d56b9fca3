package org.emgmm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.explicitpdf.ExplicitPdfEm;
import org.emgmm.loops.LoopsEm;
import org.emgmm.univariate.UnivariateEm;
import org.emgmm.vectorised.VectorisedEm;

/** The library's EM implementations, by the names the command line uses. */
public final class Implementations {

    private static final Map<String, Supplier<EmAlgorithm>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put(VectorisedEm.NAME, VectorisedEm::new);
        BY_NAME.put(LoopsEm.NAME, LoopsEm::new);
        BY_NAME.put(UnivariateEm.NAME, UnivariateEm::new);
        BY_NAME.put(ExplicitPdfEm.NAME, ExplicitPdfEm::new);
    }

    private Implementations() {
    }

    /** The names, in the order they are listed in help text. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** A fresh instance of each implementation. */
    public static List<EmAlgorithm> all() {
        return BY_NAME.values().stream().map(Supplier::get).toList();
    }

    /**
     * The implementation with this name.
     *
     * @throws IllegalArgumentException naming the choices, when there is none
     */
    public static EmAlgorithm byName(String name) {
        Supplier<EmAlgorithm> supplier = BY_NAME.get(name);
        if (supplier == null) {
            throw new IllegalArgumentException("unknown implementation '" + name + "': choose one of "
                    + String.join(", ", names()));
        }
        return supplier.get();
    }
}
