# mops_intval loop shape: 100 million iterations of a subtract and a test.
# Prints the final counter (0).
use strict;
use warnings;

my $i3 = 1;
my $i4 = 100000000;
do {
    $i4 = $i4 - $i3;
} while ($i4);
print "$i4\n";
