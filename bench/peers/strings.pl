# Repeated append to a growing string: 200,000 times $s .= "ab", then print
# the length (400000). (Perl strings are mutable buffers, so this is linear.)
use strict;
use warnings;

my $s = "";
my $i = 0;
do {
    $s .= "ab";
    $i = $i + 1;
} while ($i < 200000);
print length($s), "\n";
