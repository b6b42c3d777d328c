/* Shared main() for the unit tests: one suite of the given tests. */
#ifndef FDX_UNIT_H
#define FDX_UNIT_H

#include <check.h>
#include <stddef.h>

static inline int fdx_unit_run(const char *name, const TTest *const *tests, size_t n, int fork)
{
    Suite *s = suite_create(name);
    TCase *tc = tcase_create(name);
    for (size_t i = 0; i < n; i++) tcase_add_test(tc, tests[i]);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    if (!fork) srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}

#define FDX_UNIT_MAIN(name, ...)                                                                           \
    int main(void)                                                                                         \
    {                                                                                                      \
        const TTest *const tests[] = {__VA_ARGS__};                                                        \
        return fdx_unit_run(name, tests, sizeof tests / sizeof tests[0], 1);                               \
    }

#endif
