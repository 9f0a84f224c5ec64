/**
 * Game of Life sounds in the table's sound notation (docs/api.md "Sound"): a slow piano-like
 * loop (soft-attack sine and triangle with long decays) under the generations.
 */
export const SOUNDS = `
sfx seed   wave=sine vol=0.4 speed=4 env=2,200,0,50 : c5 g5 c6:4
sfx toggle wave=sine vol=0.3 speed=2 env=1,60,0,10 : g6

music theme bpm=84 steps=4
  part right wave=sine vol=0.32 env=3,350,0.15,60
    | a4 c5 e5 c5 a4 c5 e5 c5 g4 b4 d5 b4 g4 b4 d5 b4
    | f4 a4 c5 a4 f4 a4 c5 a4 e4 g#4 b4 g#4 e4 g#4 b4 e5
    | a4 c5 e5 a5 e5 c5 a4 c5 g4 b4 d5 g5 d5 b4 g4 b4
    | f4 a4 c5 f5 c5 a4 f4 a4 e4 g#4 b4 e5 b4 g#4 e4:2
  part left wave=triangle vol=0.45 env=4,600,0.3,120
    | a2:8 g2:8 | f2:8 e2:8 | a2:8 g2:8 | f2:8 e2:8
`;
