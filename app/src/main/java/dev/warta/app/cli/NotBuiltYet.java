package dev.warta.app.cli;

import java.util.concurrent.Callable;

/** Base of commands whose stage has not landed yet: says so and exits 1. */
abstract class NotBuiltYet implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("warta: this command is not built yet");
        return 1;
    }
}
