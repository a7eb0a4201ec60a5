// Repeated append to a growing string: 200,000 times s += "ab", then print
// the length (400000). (V8 builds a rope, so this is linear there.)
let s = "";
let i = 0;
do {
  s += "ab";
  i = i + 1;
} while (i < 200000);
console.log(s.length);
