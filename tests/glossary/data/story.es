La policía de Moscú usó cámaras de reconocimiento facial para detener a la activista en una estación de metro.
El Tribunal del Distrito de Tverskói le impuso una multa de 20.000 rublos el 12 de mayo.
Su abogada dijo que el sistema de reconocimiento facial se había usado contra 300 manifestantes.
Los defensores de derechos humanos pidieron al tribunal que publicara la decisión en Telegram.
Las abogadas recurrirán ante el Tribunal Municipal de Moscú.
