"""unspin_fuzzer: a libFuzzer target plus a test that replays its seed corpus.

Under `--config=fuzz` (clang, -fsanitize=fuzzer,address,undefined; see .bazelrc) NAME is a
libFuzzer binary. In every other build NAME links a small main that runs each file given on
the command line through LLVMFuzzerTestOneInput once, and NAME_seeds is a cc_test doing that
on the seed corpus, so the seeds are regression tests of the ordinary (and ASan) test suite.
"""

def unspin_fuzzer(name, srcs, deps, corpus):
    native.cc_binary(
        name = name,
        srcs = srcs,
        deps = deps + select({
            "//fuzz:fuzzing": [],
            "//conditions:default": ["//fuzz:replay_main"],
        }),
        linkopts = select({
            "//fuzz:fuzzing": ["-fsanitize=fuzzer"],
            "//conditions:default": [],
        }),
        testonly = True,
    )
    # The seeds as files, not the folder: Bazel does not look inside a source folder given as
    # data, so a seed added to it would not rerun the test.
    native.filegroup(
        name = name + "_corpus",
        srcs = native.glob([corpus + "/*"]),
        testonly = True,
    )
    native.cc_test(
        name = name + "_seeds",
        srcs = srcs,
        deps = deps + ["//fuzz:replay_main"],
        args = ["$(locations :%s_corpus)" % name],
        data = [":%s_corpus" % name],
        tags = ["nofuzz"],
    )
