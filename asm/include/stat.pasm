# stat op selectors and file types (Parrot's include/parrot/platform_interface.h, #defines).
# Kea's copy, with Parrot's names and values.
.macro_const STAT_EXISTS 0
.macro_const STAT_FILESIZE 1
.macro_const STAT_ISDIR 2
.macro_const STAT_ISREG 3
.macro_const STAT_ISDEV 4
.macro_const STAT_CREATETIME 5
.macro_const STAT_ACCESSTIME 6
.macro_const STAT_MODIFYTIME 7
.macro_const STAT_CHANGETIME 8
.macro_const STAT_BACKUPTIME 9
.macro_const STAT_UID 10
.macro_const STAT_GID 11
.macro_const STAT_ISLNK 12
.macro_const STAT_PLATFORM_DEV -1
.macro_const STAT_PLATFORM_INODE -2
.macro_const STAT_PLATFORM_MODE -3
.macro_const STAT_PLATFORM_NLINKS -4
.macro_const STAT_PLATFORM_DEVTYPE -5
.macro_const STAT_PLATFORM_BLOCKSIZE -6
.macro_const STAT_PLATFORM_BLOCKS -7
.macro_const STAT_TYPE_UNKNOWN 0
.macro_const STAT_TYPE_FILE 1
.macro_const STAT_TYPE_DIRECTORY 2
.macro_const STAT_TYPE_PIPE 3
.macro_const STAT_TYPE_LINK 4
.macro_const STAT_TYPE_DEVICE 5
