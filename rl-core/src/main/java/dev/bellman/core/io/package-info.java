/**
 * File writing that survives a crash: {@link dev.bellman.core.io.AtomicFiles}.
 */
package dev.bellman.core.io;
