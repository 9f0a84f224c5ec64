/** Snake sounds in the table's sound notation (docs/api.md "Sound"): a coin on food, a bouncy loop. */
export const SOUNDS = `
sfx food  wave=square vol=0.4 speed=3 env=1,40,0.5,15 : b5 e6:4
sfx crash wave=noise vol=0.5 speed=4 env=0,0,1,200 : g4>c2:8

music theme bpm=132 steps=2
  part lead wave=pulse duty=25 vol=0.3 env=2,50,0.6,20
    | c5 . e5 g5 . e5 c5 . | d5 . f5 a5 . f5 d5 . | e5 . g5 c6 . g5 e5 . | d5 c5 b4 d5 c5:3 .
    | c5 . e5 g5 . e5 c5 . | d5 . f5 a5 . f5 d5 . | e5 g5 c6 g5 f5 a5 d6 b5 | c6:2 g5:2 c5:3 .
  part bass wave=triangle vol=0.5
    | c3 . g2 . c3 . g2 . | f2 . c3 . f2 . c3 . | c3 . g2 . c3 . g2 . | g2 . d3 . g2 . b2 .
    | c3 . g2 . c3 . g2 . | f2 . c3 . f2 . c3 . | c3 . e3 . f3 . g3 . | c3 . g2 . c3:3 .
  part tick wave=noise vol=0.1 env=0,20,0,4
    | c6 . c6 . c6 . c6 . | c6 . c6 . c6 . c6 . | c6 . c6 . c6 . c6 . | c6 . c6 . c6 . c6 .
    | c6 . c6 . c6 . c6 . | c6 . c6 . c6 . c6 . | c6 . c6 . c6 . c6 . | c6 . c6 . c6 c6 c6 c6
`;
