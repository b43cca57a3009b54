"""Common forenames by gender, hand-written for Byline: a known first name makes a capitalised pair a
person, and tells "she" from "he". A name on both lists (Karen, Kim) tells no gender."""

from __future__ import annotations

_FEMALE = """
Olga Ana Elena Ioana Mihaela Raluca Irina Maia Natalia Doina
Abigail Addison Adele Aisha Akiko Alexandra Alexis Alice Amanda Amber Amelia Amira Amy Ana Anahit
Anastasia Andrea Angela Angelique Ann Anna Annalena Anne Anne-Marie Aoife Ariana Aryna Ashley Aubrey
Audrey Aung Aurora Ava Ayesha Barbara Beatrice Beatriz Bella Benazir Betsy Beyonce Birgit Brenda
Bridget Brigitte Brittany Brooklyn Caitlyn Camilla Camille Carly Carmen Carol Caroline Catherine
Cathy Chantal Charlotte Chelsea Chiara Chloe Chrissy Christine Claire Clare Claudia Coco Condoleezza
Courtney Cristina Crystal Danielle Daria Debbie Deborah Demi Diana Diane Dianne Dilma Dolores Donna
Doris Ekaterina Elena Elina Elise Elizabeth Ella Ellen Emily Emma Erica Erika Esme Eugenie Eva Eve
Evelyn Fatima Federica Fiona Florence Francesca Frauke Freya Gabriela Gabrielle Galina Garbine
Gayane Gemma Gigi Giorgia Giulia Gloria Grace Greta Gwyneth Hailey Haley Hana Hanna Hannah Harriet
Hayley Hazel Heather Heidi Helen Hermione Hillary Huma Iga Imogen Indira Ingrid Irina Iryna Isabel
Isabella Isla Ivanka Jacinda Jade Jane Janet Janice Janine Jasmine Jean Jennifer Jessica Jessie Jill
Jo Joan Joanne Jodie Joyce Judith Judy Julia Julie Kaitlyn Kamala Karen Kate Katherine Kathleen
Kathy Katie Katy Kayla Keiko Kelly Kellyanne Kendall Kerry Khloe Kim Kimberly Kirsten Kirsty
Kourtney Kris Kristen Ksenia Kylie Laura Lauren Layla Leah Leanne Leila Lilit Lillian Lily Linda
Lindsay Lindsey Ling Lisa Liz Loretta Lorraine Louise Lucia Lucy Lyudmila Madeleine Madison Madonna
Mairead Malala Margaret Maria Mariam Marie Marina Marine Marta Martha Mary Maryam Maxine Megan
Meghan Megyn Mei Melania Melissa Mia Michaela Michele Michelle Mikaela Miley Monica Morag Nadezhda
Nadia Nancy Naomi Natalia Natalie Natalya Natasha Niamh Nicole Nikki Nina Noor Oksana Olena Olga
Olivia Oprah Pamela Patricia Paula Pauline Penelope Petra Phoebe Pilar Polina Poppy Priya Rachel
Rania Rebecca Rihanna Roberta Rosa Rosie Ruby Ruth Sahra Sally Samantha Sandra Sara Sarah Savannah
Scarlett Segolene Selena Serena Sharon Sheikha Sheila Sheryl Shona Silvia Simone Siobhan Sloane
Sonia Sonya Sophia Sophie Stacey Stella Stephanie Susan Suu Svetlana Ségolène Tamara Tammy Tanya
Tatiana Taylor Teresa Tessa Theresa Tiffany Tina Tomomi Tracey Tracy Tulsi Uma Ursula Valentina
Vanessa Venus Vera Veronica Victoria Violet Wendy Whitney Xiaoping Yelena Yoko Yulia Yuriko Yvonne
Zainab Zara Zhanna Zoe
"""
_MALE = """
Dan Tudor Ion Pavel Vasile Mihai Andrei Radu Sorin Dorin Vlad Bogdan Ilie Grigore
Leonid Gennady Anatoly Valery Yevgeny Evgeny Konstantin
Aaron Abdel Abdou Abdullah Abiy Adam Adrian Ahmad Ahmed Ahmet Aiden Ajay Akufo Alain Alan Albert
Alejandro Aleksandar Aleksandr Alen Alexander Alexandr Alexei Alexey Alexis Alfred Ali Allen
Almazbek Amadou Amit Anders Andreas Andrei Andrej Andres Andrew Andrzej Andrés Angela Angus Anil
Anthony Aram Ararat Arayik Arman Armen Arseniy Artem Arthur Artur Arvind Ashok Ashot Ashraf Austin
Bako Barack Barry Bashar Ben Benjamin Benny Bernard Bernie Bidzina Bill Binali Bjorn Björn Blake Bob
Bobby Bogdan Bola Bono Boris Brad Brandon Brian Bruce Caleb Callum Cameron Carl Carlos Carter Chad
Charles Chidi Chris Christophe Christopher Ciaran Clint Cody Colin Conan Connor Conor Corey Craig
Cyril Daniel Darragh Dave David Davit Declan Deng Dennis Denys Denzel Derek Dick Didier Diego Dmitri
Dmitry Dominic Donald Douglas Drake Duncan Dylan Ed Edgar Edi Eduard Edward Ekrem Elijah Ellen Elon
Elton Emeka Emmanuel Emomali Enda Enrique Eoin Eric Erik Ernest Ethan Eugene Evan Evo Faisal Fattah
Felipe Felix Femi Fernando Francis Francois Frank François Fraser Fred Frederick Friedrich Fumio
Gagik Garba Gary Gavin George Gerald Gerhard Gevorg Giorgi Giorgio Giorgos Giuseppe Glenn Goodluck
Goran Gordon Graham Greg Gregory Gurbanguly Hafez Haider Hakob Hamad Hamid Hamish Hans Harold Harry
Haruki Harvey Hassan Heinz Helmut Henry Herbert Heydar Hiroshi Hock Horst Hosni Hovik Howard Hu Hugh
Hugo Hunter Hussein Ian Ibrahim Igor Ilham Ilir Imangali Imran Inacio Irakli Isaac Ismail Ivan Jack
Jacob Jacques Jae Jae-in Jair Jake James Jared Jaroslaw Jason Javier Jay Jayden Jean-Claude Jeb Jeff
Jeffrey Jens Jeremy Jiang Jim Jimmy Jintao Joe John Jon Jonathan Jong Jong-un Jordan Jose Joseph
Josh Joshua Juan Jukka Jurgen Justin Jürgen Kanye Karen Kassym-Jomart Keir Keith Kemal Kenji Kenneth
Keqiang Kevin Khalid Kim Klaus Kofi Koichi Kurt Kwame Kyle Kyriakos Larry Lars Laurent Lawrence Lech
Leo Leonard Leonardo Levi Levon Li Liam Liu Logan Louis Lucas Luigi Luis Luiz Luke Lula Magnus
Mahesh Mahmoud Malcolm Mallam Mamadou Manmohan Manuel Mao Marco Mario Mark Martin Mason Mateusz Matt
Matteo Matthew Mauricio Max Mehmet Michael Micheal Michel Mick Miguel Mikael Mike Mikhail Mikheil
Milorad Milos Mitch Mohamed Mohammad Mohammed Moon Moussa Muammar Muhammad Muhammadu Mustafa Mykola
Naftali Nana Narendra Nathan Nawaz Neil Nelson Newt Niall Nicolas Nigel Nikol Nikolai Nikos Nils
Noah Nolan Norman Nursultan Olaf Ole Oleg Oliver Olof Olusegun Omar Oscar Ousmane Owen Paolo Park
Patrick Paul Pedro Peter Petro Phil Philip Philippe Pierre Pranab Quentin Rafael Raffi Rahul Raj
Rajesh Ralph Ramesh Ramzan Rand Randy Ravi Raymond Recep Reince Ricardo Richard Rick Ringo Rishi Rob
Robert Roberto Roger Roman Ronald Rory Ross Roy Ruben Rudy Ruslan Russell Rustam Ryan Saddam Salman
Salome Sam Samuel Samvel Sanjay Satya Sauli Scott Seamus Sean Sergei Sergey Sergio Sergiy Serzh Seth
Shavkat Shigeru Shinzo Silvio Slobodan Sooronbay Stanley Stefan Stephen Steve Steven Stuart Sundar
Sunil Suresh Sven Takeshi Tamim Taras Taro Tayyip Ted Terry Thabo Thierry Thomas Tigran Tim Timothy
Timur Tom Tommy Tony Travis Trevor Tyler Uhuru Uwe Vaclav Vahe Vardan Vartan Victor Vijay Viktor
Vincent Vitali Vitaly Vladimir Volkan Volodymyr Walter Wang Warren Wayne Wen William Wolfgang Xavier
Xi Yair Yasser Yemi Yi Yoshihide Yoweri Yuki Yulia Yuri Zach Zayed Zemin Zhang Zoran Zurab
"""
_BOTH = frozenset(_FEMALE.split()) & frozenset(_MALE.split())
FEMALE_FORENAMES: frozenset[str] = frozenset(_FEMALE.split()) - _BOTH
MALE_FORENAMES: frozenset[str] = frozenset(_MALE.split()) - _BOTH
FORENAMES: frozenset[str] = frozenset(_FEMALE.split()) | frozenset(_MALE.split())
