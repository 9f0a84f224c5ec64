/**
 * Tetris sounds in the table's sound notation (docs/api.md "Sound"). The theme is Korobeiniki,
 * the Russian folk song (public domain), transcribed for this table: A A B, 8th-note steps.
 */
export const SOUNDS = `
sfx gravity wave=noise vol=0.12 speed=1 env=0,6,0,2 : c7
sfx move    wave=triangle vol=0.25 speed=1 env=0,10,0,2 : g5
sfx rotate  wave=pulse duty=25 vol=0.25 speed=2 env=1,20,0.3,5 : c6
sfx lock    wave=square vol=0.35 speed=3 env=1,30,0.4,12 : b5 e6:3
sfx hold    wave=triangle vol=0.4 speed=3 : e5 a5
sfx clear   wave=pulse duty=25 vol=0.45 speed=3 arp=3 : c5+e5+g5:3 e5+g5+c6:6
sfx tetris  wave=pulse duty=25 vol=0.5 speed=3 arp=2 : c5+e5+g5:2 e5+g5+c6:2 g5+c6+e6:2 c6+e6+g6:8
sfx level   wave=square vol=0.35 speed=3 : c5 e5 g5 c6 g5 c6:4
sfx topout  wave=noise vol=0.5 speed=4 env=0,0,1,250 : c5>c2:12

music theme bpm=150 steps=2
  part lead wave=pulse duty=25 vol=0.34 env=2,60,0.7,25
    | e5:2 b4 c5 d5:2 c5 b4 | a4:2 a4 c5 e5:2 d5 c5 | b4:3 c5 d5:2 e5:2 | c5:2 a4:2 a4:2 .:2
    | . d5:2 f5 a5:2 g5 f5  | e5:3 c5 e5:2 d5 c5    | b4:2 b4 c5 d5:2 e5:2 | c5:2 a4:2 a4:2 .:2
    | e5:2 b4 c5 d5:2 c5 b4 | a4:2 a4 c5 e5:2 d5 c5 | b4:3 c5 d5:2 e5:2 | c5:2 a4:2 a4:2 .:2
    | . d5:2 f5 a5:2 g5 f5  | e5:3 c5 e5:2 d5 c5    | b4:2 b4 c5 d5:2 e5:2 | c5:2 a4:2 a4:2 .:2
    | e5:4 c5:4 | d5:4 b4:4 | c5:4 a4:4 | g#4:8
    | e5:4 c5:4 | d5:4 b4:4 | c5:2 e5:2 a5:4 | g#5:8
  part bass wave=triangle vol=0.5 env=2,0,1,20
    | e2 e3 e2 e3 e2 e3 e2 e3 | a2 a3 a2 a3 a2 a3 a2 a3 | g#2 g#3 g#2 g#3 e2 e3 e2 e3 | a2 a3 a2 a3 a2 a3 a2 a3
    | d2 d3 d2 d3 d2 d3 d2 d3 | c2 c3 c2 c3 c2 c3 c2 c3 | g2 g3 g2 g3 e2 e3 e2 e3 | a2 a3 a2 a3 a2 a3 a2 a3
    | e2 e3 e2 e3 e2 e3 e2 e3 | a2 a3 a2 a3 a2 a3 a2 a3 | g#2 g#3 g#2 g#3 e2 e3 e2 e3 | a2 a3 a2 a3 a2 a3 a2 a3
    | d2 d3 d2 d3 d2 d3 d2 d3 | c2 c3 c2 c3 c2 c3 c2 c3 | g2 g3 g2 g3 e2 e3 e2 e3 | a2 a3 a2 a3 a2 a3 a2 a3
    | a2 a3 a2 a3 a2 a3 a2 a3 | g#2 g#3 g#2 g#3 g#2 g#3 g#2 g#3 | a2 a3 a2 a3 a2 a3 a2 a3 | e2 e3 e2 e3 e2 e3 e2 e3
    | a2 a3 a2 a3 a2 a3 a2 a3 | g#2 g#3 g#2 g#3 g#2 g#3 g#2 g#3 | a2 a3 a2 a3 a2 a3 a2 a3 | e2 e3 e2 e3 e2 e3 e2 e3
  part drums wave=noise vol=0.16 env=0,25,0,5
    | c6 . c4@0.6 . c6 . c4@0.6 c4@0.4 | c6 . c4@0.6 . c6 . c4@0.6 c4@0.4 | c6 . c4@0.6 . c6 . c4@0.6 c4@0.4 | c6 . c4@0.6 . c6 . c4@0.6 c4@0.4
    | c6 . c4@0.6 . c6 . c4@0.6 c4@0.4 | c6 . c4@0.6 . c6 . c4@0.6 c4@0.4 | c6 . c4@0.6 . c6 . c4@0.6 c4@0.4 | c6 . c4@0.6 . c6 . c4@0.6 c4@0.4
    | c6 . c4@0.6 . c6 . c4@0.6 c4@0.4 | c6 . c4@0.6 . c6 . c4@0.6 c4@0.4 | c6 . c4@0.6 . c6 . c4@0.6 c4@0.4 | c6 . c4@0.6 . c6 . c4@0.6 c4@0.4
    | c6 . c4@0.6 . c6 . c4@0.6 c4@0.4 | c6 . c4@0.6 . c6 . c4@0.6 c4@0.4 | c6 . c4@0.6 . c6 . c4@0.6 c4@0.4 | c6 . c4@0.6 . c6 . c4@0.6 c4@0.4
    | c6 . . . c4@0.6 . . . | c6 . . . c4@0.6 . . . | c6 . . . c4@0.6 . . . | c6 . . . c4@0.6 . . .
    | c6 . . . c4@0.6 . . . | c6 . . . c4@0.6 . . . | c6 . . . c4@0.6 . . . | c6 . c4@0.6 . c6 c4@0.6 c6 c4@0.6
`;
