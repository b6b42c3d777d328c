/* Address and number parsing used by every command line. */
#include "unit.h"

#include "fdx/common.h"

START_TEST(test_addresses)
{
    uint32_t a;
    ck_assert_int_eq(fdx_parse_address("0x1234", false, &a), 0);
    ck_assert_uint_eq(a, 0x1234);
    ck_assert_int_eq(fdx_parse_address("$FFFC", false, &a), 0);
    ck_assert_uint_eq(a, 0xFFFC);
    ck_assert_int_eq(fdx_parse_address("4660", false, &a), 0);
    ck_assert_uint_eq(a, 4660);
    ck_assert_int_eq(fdx_parse_address("0C000h", false, &a), 0);
    ck_assert_uint_eq(a, 0xC000);
    ck_assert_int_eq(fdx_parse_address("F000:FFF0", true, &a), 0);
    ck_assert_uint_eq(a, 0xFFFF0);
    ck_assert_int_eq(fdx_parse_address("0x1000:0x0100", true, &a), 0);
    ck_assert_uint_eq(a, 0x10100);
    ck_assert_int_eq(fdx_parse_address("0xFFFFFFFF", false, &a), 0);
    ck_assert_uint_eq(a, 0xFFFFFFFFu);
}
END_TEST

START_TEST(test_bad_addresses)
{
    uint32_t a = 77;
    ck_assert_int_eq(fdx_parse_address("", false, &a), -1);
    ck_assert_int_eq(fdx_parse_address("0x", false, &a), -1);
    ck_assert_int_eq(fdx_parse_address("$", false, &a), -1);
    ck_assert_int_eq(fdx_parse_address("12ab", false, &a), -1);
    ck_assert_int_eq(fdx_parse_address("0x100000000", false, &a), -1);
    ck_assert_int_eq(fdx_parse_address("F000:FFF0", false, &a), -1);
    ck_assert_int_eq(fdx_parse_address("10000:0", true, &a), -1);
    ck_assert_int_eq(fdx_parse_address("1:2:3", true, &a), -1);
    ck_assert_int_eq(fdx_parse_address(NULL, true, &a), -1);
    ck_assert_uint_eq(a, 77);
}
END_TEST

START_TEST(test_counts)
{
    uint64_t v;
    ck_assert_int_eq(fdx_parse_u64("18446744073709551615", &v), 0);
    ck_assert_uint_eq(v, UINT64_MAX);
    ck_assert_int_eq(fdx_parse_u64("18446744073709551616", &v), -1);
    ck_assert_int_eq(fdx_parse_u64("0x10", &v), 0);
    ck_assert_uint_eq(v, 16);
    ck_assert_int_eq(fdx_parse_u64("-1", &v), -1);
}
END_TEST

START_TEST(test_err)
{
    struct fdx_err e;
    ck_assert_int_eq(fdx_err_set(&e, "x=%d", 5), -1);
    ck_assert_str_eq(e.msg, "x=5");
    ck_assert_int_eq(fdx_err_set(NULL, "ignored"), -1);
}
END_TEST

FDX_UNIT_MAIN("common", test_addresses, test_bad_addresses, test_counts, test_err)
