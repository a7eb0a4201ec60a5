/* Test scaffolding for running Kea's Windows build under Wine; not part of Kea.
 *
 * Rust's standard library takes its random bytes from ProcessPrng in bcryptprimitives.dll
 * (Windows 10 and later). Wine 8 has no such export, so the program would not load. This
 * DLL, placed beside kea.exe, exports ProcessPrng on top of RtlGenRandom (SystemFunction036
 * in advapi32), which Wine has. Built by tests/windows/run with mingw. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
