/**
 * Files: mixture parameters as JSON, and output written all at once or not at all.
 *
 * <p>Read {@link org.emgmm.io.MixtureJson} for the model file that {@code --init} and {@code --model}
 * read and {@code --out} writes (the strict reading of its text as JSON is the package-private
 * {@code StrictJson}'s, in the source), then {@link org.emgmm.io.OutputBatch} for how a run writes its
 * files: each to a temporary file first, all renamed into place only when every one is complete, never
 * over an input. {@link org.emgmm.io.AtomicFiles} is the same for a single file.
 *
 * <p>Sibling packages: {@link org.emgmm.model} holds the parameters the JSON describes,
 * {@link org.emgmm.plot} writes its pictures through {@link org.emgmm.io.OutputBatch}, and
 * {@link org.emgmm.cli} decides what each command writes.
 */
package org.emgmm.io;
