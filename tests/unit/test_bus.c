/* Bus: mapping, mirrors, endianness, I/O handlers, peek/poke. */
#include "unit.h"
#include <stdlib.h>
#include <string.h>

#include "fdx/bus.h"

struct io_log {
    uint32_t last_addr, last_value;
    unsigned reads, writes, last_size;
};

static uint32_t io_read(void *ctx, uint32_t addr, unsigned size)
{
    struct io_log *l = ctx;
    l->reads++;
    l->last_addr = addr;
    l->last_size = size;
    return (addr & 0xFF) ^ 0x5A;
}
static void io_write(void *ctx, uint32_t addr, uint32_t value, unsigned size)
{
    struct io_log *l = ctx;
    l->writes++;
    l->last_addr = addr;
    l->last_value = value;
    l->last_size = size;
}
static uint32_t io_peek(void *ctx, uint32_t addr, unsigned size)
{
    (void)ctx;
    (void)size;
    return 0xC0 | (addr & 0x0F);
}

START_TEST(test_ram_rom_unmapped)
{
    struct fdx_bus b;
    ck_assert_int_eq(fdx_bus_init(&b, 16, 8, FDX_LITTLE_ENDIAN), 0);
    uint8_t ram[0x1000] = {0}, rom[0x100];
    for (int i = 0; i < 0x100; i++) rom[i] = (uint8_t)i;
    struct fdx_map_entry map[] = {
        {.base = 0x0000, .size = 0x1000, .kind = FDX_MAP_RAM, .mem = ram, .mem_size = sizeof ram},
        {.base = 0xFF00, .size = 0x100, .kind = FDX_MAP_ROM, .mem = rom, .mem_size = sizeof rom},
    };
    ck_assert_int_eq(fdx_bus_map(&b, map, 2), 0);
    fdx_bus_write8(&b, 0x0123, 0xAB);
    ck_assert_uint_eq(ram[0x123], 0xAB);
    ck_assert_uint_eq(fdx_bus_read8(&b, 0x0123), 0xAB);
    fdx_bus_write8(&b, 0xFF10, 0x99);   /* ROM: ignored */
    ck_assert_uint_eq(fdx_bus_read8(&b, 0xFF10), 0x10);
    ck_assert_uint_eq(fdx_bus_read8(&b, 0x8000), 0xFF);   /* unmapped: open bus */
    b.open_bus = 0x00;
    ck_assert_uint_eq(fdx_bus_read8(&b, 0x8000), 0x00);
    /* addresses wrap at the bus width */
    ck_assert_uint_eq(fdx_bus_read8(&b, 0x10123), 0xAB);
    fdx_bus_free(&b);
}
END_TEST

START_TEST(test_mirrors)
{
    struct fdx_bus b;
    ck_assert_int_eq(fdx_bus_init(&b, 13, 8, FDX_LITTLE_ENDIAN), 0);
    uint8_t small[128] = {0}, big[0x800] = {0};
    struct fdx_map_entry map[] = {
        /* 128 bytes repeated inside each 256-byte page of 0x000-0x3FF */
        {.base = 0x000, .size = 0x400, .kind = FDX_MAP_RAM, .mem = small, .mem_size = 128},
        /* 2 KiB repeated twice over 0x1000-0x1FFF */
        {.base = 0x1000, .size = 0x1000, .kind = FDX_MAP_RAM, .mem = big, .mem_size = sizeof big},
    };
    ck_assert_int_eq(fdx_bus_map(&b, map, 2), 0);
    fdx_bus_write8(&b, 0x0081, 0x42);
    ck_assert_uint_eq(small[1], 0x42);
    ck_assert_uint_eq(fdx_bus_read8(&b, 0x0001), 0x42);
    ck_assert_uint_eq(fdx_bus_read8(&b, 0x0381), 0x42);
    fdx_bus_write8(&b, 0x1805, 0x77);
    ck_assert_uint_eq(big[5], 0x77);
    ck_assert_uint_eq(fdx_bus_read8(&b, 0x1005), 0x77);
    fdx_bus_free(&b);
}
END_TEST

START_TEST(test_endianness)
{
    struct fdx_bus le, be;
    uint8_t m1[256] = {0}, m2[256] = {0};
    ck_assert_int_eq(fdx_bus_init(&le, 16, 8, FDX_LITTLE_ENDIAN), 0);
    ck_assert_int_eq(fdx_bus_init(&be, 24, 8, FDX_BIG_ENDIAN), 0);
    struct fdx_map_entry a = {.base = 0, .size = 256, .kind = FDX_MAP_RAM, .mem = m1, .mem_size = 256};
    struct fdx_map_entry c = {.base = 0, .size = 256, .kind = FDX_MAP_RAM, .mem = m2, .mem_size = 256};
    ck_assert_int_eq(fdx_bus_map(&le, &a, 1), 0);
    ck_assert_int_eq(fdx_bus_map(&be, &c, 1), 0);
    fdx_bus_write32(&le, 0x10, 0x11223344);
    fdx_bus_write32(&be, 0x10, 0x11223344);
    ck_assert_uint_eq(m1[0x10], 0x44);
    ck_assert_uint_eq(m1[0x13], 0x11);
    ck_assert_uint_eq(m2[0x10], 0x11);
    ck_assert_uint_eq(m2[0x13], 0x44);
    ck_assert_uint_eq(fdx_bus_read16(&le, 0x10), 0x3344);
    ck_assert_uint_eq(fdx_bus_read16(&be, 0x10), 0x1122);
    ck_assert_uint_eq(fdx_bus_read32(&be, 0x10), 0x11223344);
    fdx_bus_write16(&be, 0x20, 0xBEEF);
    ck_assert_uint_eq(m2[0x20], 0xBE);
    ck_assert_uint_eq(fdx_bus_peek(&be, 0x20, 2), 0xBEEF);
    fdx_bus_free(&le);
    fdx_bus_free(&be);
}
END_TEST

START_TEST(test_io_handlers)
{
    struct fdx_bus b;
    struct io_log log = {0};
    struct fdx_io io = {.read = io_read, .write = io_write, .peek = io_peek, .ctx = &log};
    ck_assert_int_eq(fdx_bus_init(&b, 20, 12, FDX_LITTLE_ENDIAN), 0);
    struct fdx_map_entry e = {.base = 0xA0000, .size = 0x1000, .kind = FDX_MAP_IO, .io = &io};
    ck_assert_int_eq(fdx_bus_map(&b, &e, 1), 0);
    ck_assert_uint_eq(fdx_bus_read8(&b, 0xA0012), 0x12 ^ 0x5A);
    ck_assert_uint_eq(log.reads, 1);
    ck_assert_uint_eq(log.last_addr, 0xA0012);
    fdx_bus_write8(&b, 0xA0020, 0x33);
    ck_assert_uint_eq(log.writes, 1);
    ck_assert_uint_eq(log.last_value, 0x33);
    /* a 16-bit access to a byte-only handler is split in two */
    fdx_bus_write16(&b, 0xA0030, 0x1234);
    ck_assert_uint_eq(log.writes, 3);
    ck_assert_uint_eq(log.last_addr, 0xA0031);
    ck_assert_uint_eq(log.last_value, 0x12);
    /* peek has no side effects: the read count does not move */
    unsigned before = log.reads;
    ck_assert_uint_eq(fdx_bus_peek8(&b, 0xA0005), 0xC5);
    ck_assert_uint_eq(log.reads, before);
    /* a wide handler gets the whole access */
    io.wide = true;
    fdx_bus_write16(&b, 0xA0040, 0xABCD);
    ck_assert_uint_eq(log.writes, 4);
    ck_assert_uint_eq(log.last_size, 2);
    ck_assert_uint_eq(log.last_value, 0xABCD);
    fdx_bus_free(&b);
}
END_TEST

START_TEST(test_port_space_and_32bit)
{
    struct fdx_bus ports, big;
    struct io_log log = {0};
    struct fdx_io io = {.read = io_read, .write = io_write, .ctx = &log};
    ck_assert_int_eq(fdx_bus_init(&ports, 16, 8, FDX_LITTLE_ENDIAN), 0);
    struct fdx_map_entry e = {.base = 0x0000, .size = 0x10000, .kind = FDX_MAP_IO, .io = &io};
    ck_assert_int_eq(fdx_bus_map(&ports, &e, 1), 0);
    fdx_bus_write8(&ports, 0x3D4, 0x0E);
    ck_assert_uint_eq(log.last_addr, 0x3D4);
    ck_assert_int_eq(fdx_bus_init(&big, 32, 12, FDX_LITTLE_ENDIAN), 0);
    uint8_t *ram = calloc(1, 0x2000);
    struct fdx_map_entry r = {.base = 0xFFFFE000u, .size = 0x2000, .kind = FDX_MAP_RAM, .mem = ram, .mem_size = 0x2000};
    ck_assert_int_eq(fdx_bus_map(&big, &r, 1), 0);
    fdx_bus_write32(&big, 0xFFFFFFF0u, 0xCAFEBABE);
    ck_assert_uint_eq(fdx_bus_read32(&big, 0xFFFFFFF0u), 0xCAFEBABE);
    ck_assert_ptr_eq(fdx_bus_host_ptr(&big, 0xFFFFE001u), ram + 1);
    ck_assert_ptr_null(fdx_bus_host_ptr(&big, 0x1000));
    free(ram);
    fdx_bus_free(&ports);
    fdx_bus_free(&big);
}
END_TEST

START_TEST(test_bad_maps_are_refused)
{
    struct fdx_bus b;
    uint8_t ram[256];
    ck_assert_int_eq(fdx_bus_init(&b, 16, 8, FDX_LITTLE_ENDIAN), 0);
    struct fdx_map_entry misaligned = {.base = 0x10, .size = 0x100, .kind = FDX_MAP_RAM, .mem = ram, .mem_size = 256};
    struct fdx_map_entry too_far = {.base = 0xFF00, .size = 0x200, .kind = FDX_MAP_RAM, .mem = ram, .mem_size = 256};
    struct fdx_map_entry not_pow2 = {.base = 0, .size = 0x100, .kind = FDX_MAP_RAM, .mem = ram, .mem_size = 200};
    struct fdx_map_entry no_io = {.base = 0, .size = 0x100, .kind = FDX_MAP_IO};
    struct fdx_map_entry good = {.base = 0, .size = 0x100, .kind = FDX_MAP_RAM, .mem = ram, .mem_size = 256};
    ck_assert_int_eq(fdx_bus_map(&b, &misaligned, 1), -1);
    ck_assert_int_eq(fdx_bus_map(&b, &too_far, 1), -1);
    ck_assert_int_eq(fdx_bus_map(&b, &not_pow2, 1), -1);
    ck_assert_int_eq(fdx_bus_map(&b, &no_io, 1), -1);
    /* a bad entry anywhere leaves the whole map unchanged */
    struct fdx_map_entry pair[] = {good, misaligned};
    ck_assert_int_eq(fdx_bus_map(&b, pair, 2), -1);
    ck_assert_ptr_null(fdx_bus_host_ptr(&b, 0));
    fdx_bus_free(&b);
    ck_assert_int_eq(fdx_bus_init(&b, 40, 8, FDX_LITTLE_ENDIAN), -1);
    ck_assert_int_eq(fdx_bus_init(&b, 16, 8, FDX_LITTLE_ENDIAN), 0);
    ck_assert_int_eq(fdx_bus_map(&b, &good, 1), 0);
    ck_assert_int_eq(fdx_bus_unmap(&b, 0, 0x100), 0);
    ck_assert_uint_eq(fdx_bus_read8(&b, 0), 0xFF);
    fdx_bus_free(&b);
}
END_TEST

START_TEST(test_poke_patches_rom)
{
    struct fdx_bus b;
    uint8_t rom[256] = {0};
    ck_assert_int_eq(fdx_bus_init(&b, 16, 8, FDX_BIG_ENDIAN), 0);
    struct fdx_map_entry e = {.base = 0xFF00, .size = 0x100, .kind = FDX_MAP_ROM, .mem = rom, .mem_size = 256};
    ck_assert_int_eq(fdx_bus_map(&b, &e, 1), 0);
    fdx_bus_poke(&b, 0xFFFC, 0x1234, 2);
    ck_assert_uint_eq(rom[0xFC], 0x12);
    ck_assert_uint_eq(rom[0xFD], 0x34);
    fdx_bus_free(&b);
}
END_TEST

FDX_UNIT_MAIN("bus", test_ram_rom_unmapped, test_mirrors, test_endianness, test_io_handlers, test_port_space_and_32bit, test_bad_maps_are_refused, test_poke_patches_rom)
