/* Strings: the runtime's string functions and sprintf. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

static int cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int main(void)
{
    char buf[80];
    const char *words[] = {"pear", "apple", "fig", "banana", "cherry"};
    unsigned i;
    strcpy(buf, "Hello");
    strcat(buf, ", 6502");
    printf("%s (%u)\n", buf, (unsigned)strlen(buf));
    printf("cmp %d %d %d\n", strcmp("abc", "abd") < 0, strcmp("b", "a") > 0, strncmp("abcx", "abcy", 3));
    printf("chr %s\n", strchr(buf, '6'));
    printf("str %s\n", strstr(buf, "lo,"));
    for (i = 0; buf[i]; i++) buf[i] = (char)toupper((unsigned char)buf[i]);
    puts(buf);
    qsort(words, 5, sizeof words[0], cmp);
    for (i = 0; i < 5; i++) printf("%s%c", words[i], i < 4 ? ' ' : '\n');
    sprintf(buf, "%05d|%-6s|%x|%c", 42, "ab", 0xBEEF, 'z');
    puts(buf);
    printf("atoi %d %ld\n", atoi("-1234"), strtol("7fff", NULL, 16));
    return 0;
}
